package io.chatload.sandbox;

/**
 * Immutable settings of one sandbox: where it listens, which data it generates, how slowly it answers, which
 * credentials it accepts and which quirks of the real APIs it shows. Build it from {@link #defaults()} with the
 * withers.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param seed              the only input of data generation besides the counts
 * @param operators         Chaport operators to generate
 * @param visitors          Chaport visitors to generate
 * @param visitorsPageSize  visitors per page of {@code GET /visitors}
 * @param bots              Chatforma bots to generate
 * @param botUsers          Chatforma subscribers per bot, deleted ones included
 * @param botDialogs        open Chatforma dialogs per bot (at most the bot's live subscribers)
 * @param latencyMs         delay before each API answer, to make the client's concurrency visible
 * @param chaportToken      the bearer token Chaport endpoints accept
 * @param chatformaKey      the api_key Chatforma endpoints accept
 * @param chaportSwitches   quirks of the Chaport API: link style, foreign links
 * @param chatformaSwitches quirks of the Chatforma API: envelope, paging, Bearer auth
 * @param faults            API requests failed on purpose, drawn from the seed; {@link SandboxFaults#NONE} by default
 */
public record SandboxConfig(int port, long seed, int operators, int visitors, int visitorsPageSize, int bots,
                            int botUsers, int botDialogs, long latencyMs, String chaportToken, String chatformaKey,
                            ChaportSwitches chaportSwitches, ChatformaSwitches chatformaSwitches,
                            SandboxFaults faults) {

    public SandboxConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        requireNotNegative("operators", operators);
        requireNotNegative("visitors", visitors);
        requireNotNegative("bots", bots);
        requireNotNegative("botUsers", botUsers);
        requireNotNegative("botDialogs", botDialogs);
        requireNotNegative("latencyMs", latencyMs);
        if (visitorsPageSize < 1) {
            throw new IllegalArgumentException("visitorsPageSize must be at least 1, got " + visitorsPageSize);
        }
        requireText("chaportToken", chaportToken);
        requireText("chatformaKey", chatformaKey);
        if (chaportSwitches == null || chatformaSwitches == null) {
            throw new IllegalArgumentException("switches must not be null");
        }
        if (faults == null) {
            throw new IllegalArgumentException("faults must not be null; SandboxFaults.NONE has none");
        }
    }

    /** A config without faults, as before faults existed. */
    public SandboxConfig(int port, long seed, int operators, int visitors, int visitorsPageSize, int bots,
                         int botUsers, int botDialogs, long latencyMs, String chaportToken, String chatformaKey,
                         ChaportSwitches chaportSwitches, ChatformaSwitches chatformaSwitches) {
        this(port, seed, operators, visitors, visitorsPageSize, bots, botUsers, botDialogs, latencyMs, chaportToken,
                chatformaKey, chaportSwitches, chatformaSwitches, SandboxFaults.NONE);
    }

    public static SandboxConfig defaults() {
        Scale scale = Scale.SMALL;
        return new SandboxConfig(0, 42, scale.operators(), scale.visitors(), 50, scale.bots(),
                scale.botUsers(), scale.botDialogs(), 0, "sandbox-chaport-token", "sandbox-chatforma-key",
                ChaportSwitches.defaults(), ChatformaSwitches.defaults());
    }

    /** Sets every count to the scale's: operators, visitors, bots, users and dialogs per bot. */
    public SandboxConfig withScale(Scale s) {
        return new SandboxConfig(port, seed, s.operators(), s.visitors(), visitorsPageSize, s.bots(),
                s.botUsers(), s.botDialogs(), latencyMs, chaportToken, chatformaKey,
                chaportSwitches, chatformaSwitches, faults);
    }

    public SandboxConfig withPort(int p) {
        return new SandboxConfig(p, seed, operators, visitors, visitorsPageSize, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches,
                chatformaSwitches, faults);
    }

    public SandboxConfig withSeed(long s) {
        return new SandboxConfig(port, s, operators, visitors, visitorsPageSize, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches,
                chatformaSwitches, faults);
    }

    public SandboxConfig withVisitors(int n) {
        return new SandboxConfig(port, seed, operators, n, visitorsPageSize, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches,
                chatformaSwitches, faults);
    }

    public SandboxConfig withOperators(int n) {
        return new SandboxConfig(port, seed, n, visitors, visitorsPageSize, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches,
                chatformaSwitches, faults);
    }

    public SandboxConfig withVisitorsPageSize(int n) {
        return new SandboxConfig(port, seed, operators, visitors, n, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches,
                chatformaSwitches, faults);
    }

    public SandboxConfig withLatencyMs(long ms) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots,
                botUsers, botDialogs, ms, chaportToken, chatformaKey, chaportSwitches, chatformaSwitches, faults);
    }

    public SandboxConfig withBots(int n) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, n,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches,
                chatformaSwitches, faults);
    }

    /** Chatforma subscribers per bot, deleted ones included. */
    public SandboxConfig withBotUsers(int n) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots,
                n, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches, chatformaSwitches, faults);
    }

    /** Open Chatforma dialogs per bot; a bot with fewer live subscribers has one dialog per subscriber. */
    public SandboxConfig withBotDialogs(int n) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots,
                botUsers, n, latencyMs, chaportToken, chatformaKey, chaportSwitches, chatformaSwitches, faults);
    }

    /** The token this sandbox's Chaport accepts: another account's, beside a sandbox with the default one. */
    public SandboxConfig withChaportToken(String token) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots, botUsers, botDialogs, latencyMs,
                token, chatformaKey, chaportSwitches, chatformaSwitches, faults);
    }

    /** Absolute URLs (default) or host-relative paths in Chaport's {@code links.next} and {@code links.more}. */
    public SandboxConfig withLinksStyle(LinksStyle style) {
        return withChaport(new ChaportSwitches(style, chaportSwitches.foreignLinkHost(), chaportSwitches.teamIdsInChats()));
    }

    /** A base URL (or null for none) that some visitors' {@code links.more} point at, as a trap for the token. */
    public SandboxConfig withForeignLinkHost(String baseUrl) {
        return withChaport(new ChaportSwitches(chaportSwitches.linksStyle(), baseUrl, chaportSwitches.teamIdsInChats()));
    }

    /** Whether chats name team ids (default), which {@code GET /operators/{id}} answers with 404 as the real API does. */
    public SandboxConfig withTeamIdsInChats(boolean teams) {
        return withChaport(new ChaportSwitches(chaportSwitches.linksStyle(), chaportSwitches.foreignLinkHost(), teams));
    }

    /** Bare arrays (default) or {@code {"data":[...],"meta":{...}}} around every Chatforma list. */
    public SandboxConfig withChatformaEnvelope(ChatformaEnvelope envelope) {
        ChatformaSwitches c = chatformaSwitches;
        return withChatforma(new ChatformaSwitches(envelope, c.ignorePage(), c.maxPerPage(), c.bearer()));
    }

    /** When true, Chatforma's paged lists serve page 1 whatever {@code page} asks for. */
    public SandboxConfig withChatformaIgnorePage(boolean ignore) {
        ChatformaSwitches c = chatformaSwitches;
        return withChatforma(new ChatformaSwitches(c.envelope(), ignore, c.maxPerPage(), c.bearer()));
    }

    /** The largest {@code per_page} Chatforma honours (default 100); larger requests are clamped to it. */
    public SandboxConfig withChatformaMaxPerPage(int max) {
        ChatformaSwitches c = chatformaSwitches;
        return withChatforma(new ChatformaSwitches(c.envelope(), c.ignorePage(), max, c.bearer()));
    }

    /** When true, Chatforma also accepts {@code Authorization: Bearer <key>}; by default only {@code api_key}. */
    public SandboxConfig withChatformaBearer(boolean accept) {
        ChatformaSwitches c = chatformaSwitches;
        return withChatforma(new ChatformaSwitches(c.envelope(), c.ignorePage(), c.maxPerPage(), accept));
    }

    /** Fails API requests on purpose at these rates; see {@link SandboxFaults}. */
    public SandboxConfig withFaults(SandboxFaults f) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches, chatformaSwitches, f);
    }

    /** Keeps the credentials out of logs and exception messages that print the config. */
    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", seed=" + seed + ", operators=" + operators
                + ", visitors=" + visitors + ", visitorsPageSize=" + visitorsPageSize + ", bots=" + bots
                + ", botUsers=" + botUsers + ", botDialogs=" + botDialogs
                + ", latencyMs=" + latencyMs + ", chaportToken=***, chatformaKey=***"
                + ", chaportSwitches=" + chaportSwitches + ", chatformaSwitches=" + chatformaSwitches
                + ", faults=" + faults + "]";
    }

    private SandboxConfig withChaport(ChaportSwitches switches) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, switches, chatformaSwitches, faults);
    }

    private SandboxConfig withChatforma(ChatformaSwitches switches) {
        return new SandboxConfig(port, seed, operators, visitors, visitorsPageSize, bots,
                botUsers, botDialogs, latencyMs, chaportToken, chatformaKey, chaportSwitches, switches, faults);
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
