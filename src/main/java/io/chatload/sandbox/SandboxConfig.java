package io.chatload.sandbox;

/**
 * Immutable settings of one sandbox: where it listens, which data it generates, how slowly it answers and which
 * credentials it accepts. Build it from {@link #defaults()} with the withers.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param seed              the only input of data generation besides the counts
 * @param operators         Chaport operators to generate
 * @param visitors          Chaport visitors to generate
 * @param visitorsPageSize  visitors per page of {@code GET /visitors}
 * @param bots              Chatforma bots to generate
 * @param latencyMs         delay before each API answer, to make the client's concurrency visible
 * @param chaportToken      the bearer token Chaport endpoints accept
 * @param chatformaKey      the api_key Chatforma endpoints accept
 */
public record SandboxConfig(int port, long seed, int operators, int visitors, int visitorsPageSize, int bots,
                            long latencyMs, String chaportToken, String chatformaKey) {

    public SandboxConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        requireNotNegative("operators", operators);
        requireNotNegative("visitors", visitors);
        requireNotNegative("bots", bots);
        requireNotNegative("latencyMs", latencyMs);
        if (visitorsPageSize < 1) {
            throw new IllegalArgumentException("visitorsPageSize must be at least 1, got " + visitorsPageSize);
        }
        requireText("chaportToken", chaportToken);
        requireText("chatformaKey", chatformaKey);
    }

    public static SandboxConfig defaults() {
        Scale scale = Scale.SMALL;
        return new SandboxConfig(0, 42, scale.operators(), scale.visitors(), 50, scale.bots(),
                0, "sandbox-chaport-token", "sandbox-chatforma-key");
    }

    public SandboxConfig withScale(Scale s) {
        return new SandboxConfig(port, seed, s.operators(), s.visitors(), visitorsPageSize, s.bots(),
                latencyMs, chaportToken, chatformaKey);
    }

    public SandboxConfig withPort(int p) {
        return new SandboxConfig(p, seed, operators, visitors, visitorsPageSize, bots,
                latencyMs, chaportToken, chatformaKey);
    }

    public SandboxConfig withSeed(long s) {
        return new SandboxConfig(port, s, operators, visitors, visitorsPageSize, bots,
                latencyMs, chaportToken, chatformaKey);
    }

    public SandboxConfig withVisitors(int n) {
        return new SandboxConfig(port, seed, operators, n, visitorsPageSize, bots,
                latencyMs, chaportToken, chatformaKey);
    }

    public SandboxConfig withOperators(int n) {
        return new SandboxConfig(port, seed, n, visitors, visitorsPageSize, bots,
                latencyMs, chaportToken, chatformaKey);
    }

    public SandboxConfig withVisitorsPageSize(int n) {
        return new SandboxConfig(port, seed, operators, visitors, n, bots,
                latencyMs, chaportToken, chatformaKey);
    }

    public SandboxConfig withLatencyMs(long ms) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots,
                ms, chaportToken, chatformaKey);
    }

    public SandboxConfig withBots(int n) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, n,
                latencyMs, chaportToken, chatformaKey);
    }

    /** Keeps the credentials out of logs and exception messages that print the config. */
    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", seed=" + seed + ", operators=" + operators
                + ", visitors=" + visitors + ", visitorsPageSize=" + visitorsPageSize + ", bots=" + bots
                + ", latencyMs=" + latencyMs + ", chaportToken=***, chatformaKey=***]";
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
