package io.chatload.cli;

import io.chatload.config.ChatloadConfig;
import io.chatload.engine.Load;
import io.chatload.engine.LoadSummary;
import io.chatload.load.Destination;
import io.chatload.load.H2Share;
import io.chatload.outbox.DrainResult;
import io.chatload.routes.ResourceSpec;
import io.chatload.runtime.ChatloadRuntime;
import io.chatload.source.ClientWarmUp;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run}: the Camel runtime on its schedule; {@code run --once}: every enabled resource once, then exit. */
final class RunCommand implements Command {

    /** The exit code of a run stopped by SIGTERM, as the JVM reports it (128 + 15). */
    static final int STOPPED = 143;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String help() {
        return """
                run [--once] [--resources a,b] [--full-refresh]   run every enabled resource on its schedule (or once)
                  --once              run each enabled resource once, parents before children, wait for all, print
                                      the load summary and exit (exit 0 when all succeeded, 1 when any failed)
                  --resources a,b     only these resources (a name, visitors, or source.name, chaport.visitors),
                                      with the resources below them and the parents that feed them
                  --full-refresh      ignore the cursors: fetch everything again (rows are still upserted)
                SIGTERM (or Ctrl+C) stops --once within seconds: no further requests, the open batches commit,
                one line, exit 143 (130 for Ctrl+C); the next run resumes. Without --once, runs until stopped
                (Ctrl+C or SIGTERM lets in-flight work finish).
                """;
    }

    @Override
    public Set<String> valueFlags() {
        return Set.of("--resources");
    }

    @Override
    public Set<String> switchFlags() {
        return Set.of("--once", "--full-refresh");
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        args.noPositionals(name());
        List<String> names = Arrays.stream(args.value("--resources", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (args.has("--resources") && names.isEmpty()) {
            throw new UsageException("run: --resources needs at least one resource name");
        }
        ClientWarmUp.start(); // while Camel starts
        ChatloadConfig config = ChatloadConfig.load();
        if (args.has("--once")) {
            return once(config, names, args.has("--full-refresh"), console);
        }
        if (!names.isEmpty() || args.has("--full-refresh")) {
            throw new UsageException("run: --resources and --full-refresh apply to --once; the schedule runs every "
                    + "enabled resource incrementally");
        }
        return scheduled(config, console);
    }

    /**
     * Runs the resources once against the configured database, then sends what the outboxes hold; shared with
     * {@code demo}. Named outboxes ({@code messages}, {@code chatforma.dispatch_broadcast}) select only themselves.
     * SIGTERM stops the load (see {@link StopOnSignal}): one line instead of the summary, and the JVM exits 143.
     */
    static int once(ChatloadConfig config, List<String> names, boolean fullRefresh, Console console) throws Exception {
        // closed last: the signal's hook waits for the database to be closed
        try (StopOnSignal signal = new StopOnSignal(console);
             Destination destination = Databases.connect(config);
             H2Share share = Databases.share(config);
             ChatloadRuntime runtime = ChatloadRuntime.create(config, destination, false, console::notice, s -> { })) {
            runtime.start();
            List<String> outboxNames = names.stream().filter(runtime::isOutbox).toList();
            List<String> resourceNames = names.stream().filter(n -> !runtime.isOutbox(n)).toList();
            boolean failed = false;
            if (names.isEmpty() || !resourceNames.isEmpty()) {
                Set<String> resources = runtime.catalog().select(resourceNames);
                if (resources.isEmpty()) {
                    List<String> disabled = runtime.catalog().disabledSources();
                    console.error("no enabled resources: " + (disabled.isEmpty() ? "add resource files to "
                            + config.routesDir().map(Object::toString).orElse("a routes folder (CHATLOAD_ROUTES)")
                            : String.join("; ", disabled)));
                    return 2;
                }
                Load load = new Load(destination.ledger(), resources, fullRefresh);
                signal.watch(load);
                LoadSummary summary = runtime.runOnce(load);
                if (!signal.stopping()) { // stopped, its runs all failed as "not sent": the one line below says it
                    summary.lines().forEach(console.out()::println);
                }
                // a source disabled by a broken file was named in a notice at start; the load is not a success
                failed = summary.failed() || !runtime.catalog().brokenSources().isEmpty();
            }
            if (signal.stopping()) { // nothing new starts, the outboxes' sends included
                console.err().println(signal.stoppedLine());
                return STOPPED;
            }
            if (names.isEmpty() || !outboxNames.isEmpty()) {
                for (DrainResult drain : runtime.drainOutboxes(outboxNames)) {
                    console.out().println("Outbox " + drain);
                    failed |= drain.failed() > 0 || drain.unknown() > 0;
                }
            }
            return failed ? 1 : 0;
        }
    }

    private static int scheduled(ChatloadConfig config, Console console) throws Exception {
        Logger log = LoggerFactory.getLogger("io.chatload.run");
        try (Destination destination = Databases.connect(config);
             H2Share share = Databases.share(config);
             ChatloadRuntime runtime = ChatloadRuntime.create(config, destination, true, console::notice,
                     summary -> summary.lines().forEach(log::info))) {
            runtime.runUntilStopped(() -> {
                for (ResourceSpec spec : runtime.catalog().roots(runtime.catalog().select(List.of()))) {
                    log.info("{} scheduled: {}", spec.id(), spec.schedule().text());
                }
                log.info("chatload is running its schedule; Ctrl+C or SIGTERM stops it after in-flight runs finish");
            });
            return 0;
        }
    }
}
