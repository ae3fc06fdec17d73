package io.chatload.cli;

import io.chatload.sandbox.FaultKind;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxFaults;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.ChatformaEnvelope;
import io.chatload.sandbox.LinksStyle;
import io.chatload.sandbox.Scale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code sandbox}: serves the simulated Chaport and Chatforma APIs on loopback until stopped. */
final class SandboxCommand implements Command {

    static final int DEFAULT_PORT = 8089;

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String help() {
        return """
                sandbox [--port N] [--seed S] [--scale S] [--latency-ms L]   serve the simulated APIs until stopped
                  --port N         loopback port (default 8089; 0 picks a free one)
                  --seed S         data seed (default 42): the same seed serves the same data
                  --scale S        tiny, small (default), medium or large
                  --operators N    number of operators (overrides the scale)
                  --visitors N     number of visitors (overrides the scale)
                  --bots N         number of Chatforma bots (overrides the scale)
                  --page-size N    visitors per page of GET /visitors (default 50)
                  --latency-ms L   delay every API answer by L milliseconds (default 0)
                  --links S        absolute (default) or relative URLs in Chaport's links.next and links.more
                  --foreign-link-host URL   also put a links.more URL on this other host for some visitors
                  --no-team-ids    chats name operators only (by default some name a team id, as the real
                                   API does, which GET /operators/{id} answers with 404)
                  --envelope E     Chatforma lists as a bare array (default) or under "data" with "meta"
                  --ignore-page    Chatforma serves page 1 whatever page is asked for
                  --max-per-page N Chatforma's largest page (default 100)
                  --bearer         Chatforma also accepts the key as Authorization: Bearer
                  --faults F       fail API requests on purpose at these rates, e.g.
                                   5xx=0.10,429=0.05,reset=0.02,slow=0.01,truncated=0.01,html=0.01
                                   (also 429date: Retry-After as a date); the same seed and requests
                                   give the same faults, and a retry draws anew
                  --slow-ms N      how late a slow fault answers (default 65000, past a 60 s timeout)
                  --chaport-webhook URL    deliver chat.started/chat.finished here (loopback only) when
                                   POST /_sandbox/chats?count=N&seed=S adds chats
                  --chatforma-webhook URL  deliver form completions here (loopback only) when
                                   POST /_sandbox/form-completions?count=N&seed=S adds them
                Serves Chaport under /chaport/api/v1 and Chatforma under /chatforma/public/v1, plus
                GET /_sandbox/stats (request counts), GET /_sandbox/faults (faults injected per kind)
                and GET /_sandbox/truth (the records it serves).
                """;
    }

    @Override
    public Set<String> valueFlags() {
        return Set.of("--port", "--seed", "--scale", "--latency-ms", "--operators", "--visitors", "--bots", "--page-size",
                "--links", "--foreign-link-host", "--envelope", "--max-per-page", "--faults", "--slow-ms",
                "--chaport-webhook", "--chatforma-webhook");
    }

    @Override
    public Set<String> switchFlags() {
        return Set.of("--ignore-page", "--bearer", "--no-team-ids");
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        args.noPositionals(name());
        SandboxConfig config = SandboxConfig.defaults();
        try {
            config = config.withScale(Scale.parse(args.value("--scale", "small")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("sandbox: --scale " + e.getMessage());
        }
        config = config.withPort(args.intValue("--port", DEFAULT_PORT, 0, 65_535))
                .withSeed(args.longValue("--seed", config.seed()))
                .withLatencyMs(args.intValue("--latency-ms", 0, 0, 600_000))
                .withVisitorsPageSize(args.intValue("--page-size", config.visitorsPageSize(), 1, 10_000));
        if (args.has("--operators")) {
            config = config.withOperators(args.intValue("--operators", 0, 0, 100_000));
        }
        if (args.has("--visitors")) {
            config = config.withVisitors(args.intValue("--visitors", 0, 0, 10_000_000));
        }
        if (args.has("--bots")) {
            config = config.withBots(args.intValue("--bots", 0, 0, 100_000));
        }
        try {
            config = config.withLinksStyle(LinksStyle.parse(args.value("--links", "absolute")))
                    .withChatformaEnvelope(ChatformaEnvelope.parse(args.value("--envelope", "bare")))
                    .withChatformaIgnorePage(args.has("--ignore-page"))
                    .withChatformaBearer(args.has("--bearer"))
                    .withTeamIdsInChats(!args.has("--no-team-ids"));
            if (args.has("--foreign-link-host")) {
                config = config.withForeignLinkHost(args.value("--foreign-link-host", null));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("sandbox: " + e.getMessage());
        }
        if (args.has("--max-per-page")) {
            config = config.withChatformaMaxPerPage(args.intValue("--max-per-page", 100, 1, 100_000));
        }
        SandboxFaults faults;
        try {
            faults = SandboxFaults.parse(args.value("--faults", "none"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("sandbox: --faults " + e.getMessage());
        }
        config = config.withFaults(faults.withSlowMs(
                args.intValue("--slow-ms", (int) SandboxFaults.DEFAULT_SLOW_MS, 0, 3_600_000)));
        SandboxServer server = SandboxServer.start(config);
        try {
            server.data().webhooks().deliverChaportTo(args.value("--chaport-webhook", null));
            server.data().webhooks().deliverChatformaTo(args.value("--chatforma-webhook", null));
        } catch (IllegalArgumentException e) {
            server.close();
            throw new UsageException("sandbox: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        console.out().println("chatload sandbox on " + server.baseUrl() + " (seed " + config.seed() + ", "
                + config.operators() + " operators, " + config.visitors() + " visitors, " + config.bots() + " bots)");
        console.out().println("  Chaport:   " + server.chaportBaseUrl() + "   token:   " + config.chaportToken());
        console.out().println("  Chatforma: " + server.chatformaBaseUrl() + "   api key: " + config.chatformaKey());
        SandboxFaults on = config.faults();
        if (!on.isNone()) {
            String slow = on.rate(FaultKind.SLOW) > 0 ? ", slow answers after " + on.slowMs() + " ms" : "";
            console.out().println("  Faults:    " + on.spec() + slow + "; counts at " + server.baseUrl()
                    + "/_sandbox/faults");
        }
        console.out().println("  Load it:   CHAPORT_BASE_URL=" + server.chaportBaseUrl() + " CHAPORT_TOKEN=" + config.chaportToken()
                + " CHATFORMA_BASE_URL=" + server.chatformaBaseUrl() + " CHATFORMA_API_KEY=" + config.chatformaKey()
                + " " + JarCommand.get() + " run --once");
        webhookSettings(console, "CHAPORT", args.value("--chaport-webhook", null));
        webhookSettings(console, "CHATFORMA", args.value("--chatforma-webhook", null));
        console.out().println("Ctrl+C to stop.");
        console.out().flush();
        stopped.await();
        return 0;
    }

    /** What {@code run} needs to receive the deliveries sent to {@code url}: the receiver on, its secret (the URL's last part). */
    private static void webhookSettings(Console console, String source, String url) {
        if (url == null) {
            return;
        }
        String secret = url.substring(url.lastIndexOf('/') + 1);
        console.out().println("  Webhooks:  deliveries to " + url + "; receive them with " + source + "_WEBHOOK_ENABLED=true "
                + source + "_WEBHOOK_SECRET=" + secret + " " + JarCommand.get() + " run");
    }
}
