package io.chatload.runtime;

import io.chatload.cluster.QuartzCluster;
import io.chatload.config.ChatloadConfig;
import io.chatload.dashboard.Dashboard;
import io.chatload.embed.ChatloadRoutes;
import io.chatload.engine.Load;
import io.chatload.engine.LoadSummary;
import io.chatload.load.Destination;
import io.chatload.outbox.DrainResult;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.RoutesFolder;
import io.chatload.webhook.WebhookRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chatload inside Camel Main: {@link ChatloadRoutes} (the routes an embedding application gets too), plus what only
 * the standalone process has: the Quartz cluster, the management server and the progress lines. Scheduled mode lets
 * every enabled resource's Quartz trigger fire; once mode keeps the scheduler idle and runs resources on demand.
 */
public final class ChatloadRuntime implements AutoCloseable {

    private static final Logger PROGRESS = LoggerFactory.getLogger("io.chatload.progress");

    /** How often {@code run} logs the progress of long crawls. */
    private static final long PROGRESS_SECONDS = 10;

    private final Main main;
    private final ChatloadRoutes chatload;

    private ChatloadRuntime(Main main, ChatloadRoutes chatload) {
        this.main = main;
        this.chatload = chatload;
    }

    /**
     * Builds the runtime; {@code scheduled} decides whether Quartz fires (in once mode there is no Quartz scheduler at
     * all, see {@link IdleTriggers}). Call {@link #start()} or {@link #runUntilStopped()}.
     */
    public static ChatloadRuntime create(ChatloadConfig config, Destination destination, boolean scheduled,
                                        Consumer<String> notices, Consumer<LoadSummary> scheduledLoads) {
        config = RoutesFolder.forCommandLine(config); // CHATLOAD_ROUTES, else ./routes when present
        ChatloadRoutes chatload = ChatloadRoutes.create(config, destination, notices, scheduledLoads);
        Main main = new Main();
        main.configure().addRoutesBuilder(chatload);
        // chatload loads the routes folder itself; this keeps Camel away from its default classpath folders
        main.addOverrideProperty("camel.main.routes-include-pattern", "false");
        if (scheduled) {
            QuartzCluster.configure(main, config);
            // run only: the webhook receivers on Camel's HTTP server and hot reload of routes/, each when enabled
            WebhookRoutes.install(main, config, chatload.catalog(), chatload.destination(), chatload.runs(),
                    chatload.plugins().webhookReceivers(config));
            RoutesReloader.installIfEnabled(main, config, chatload.catalog());
            installExchangeMeters(main);
        } else {
            main.bind(IdleTriggers.SCHEME, new IdleTriggers()); // runs start on demand: no Quartz scheduler at all
            // run --once stops on SIGTERM by its own hook, which ends the load before Camel stops: Camel's hook (the
            // default strategy's hangup interceptor) would stop Camel under the running load, then wait 45 s for it
            main.setShutdownStrategy(new SimpleMainShutdownStrategy());
            main.addOverrideProperty("camel.main.shutdown-timeout", "5");
            // nothing serves Camel's metrics in once mode: no registry, no route policies, no exchange notifier
            main.addOverrideProperty("camel.metrics.enabled", "false");
        }
        int managementPort = config.getInt("chatload.management.port", 9090, 0);
        if (scheduled && managementPort > 0) {
            // health and Prometheus metrics: http://localhost:<port>/observe/health and /observe/metrics; on loopback
            // unless chatload.management.host opens it (Camel's own default is every interface)
            main.addOverrideProperty("camel.management.enabled", "true");
            main.addOverrideProperty("camel.management.host", config.get("chatload.management.host", "127.0.0.1"));
            main.addOverrideProperty("camel.management.port", Integer.toString(managementPort));
            // and the web dashboard beside them: http://localhost:<port>/dashboard/
            Dashboard.install(main, destination, chatload.catalog());
        }
        return new ChatloadRuntime(main, chatload);
    }

    /** Camel's exchange meters, by {@link ExchangeMeters} instead of the notifier {@code camel.metrics.*} adds. */
    private static void installExchangeMeters(Main main) {
        main.addOverrideProperty("camel.metrics.enableExchangeEventNotifier", "false");
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                CamelContext context = configured.getCamelContext();
                MeterRegistry registry = context.getRegistry().lookupByNameAndType(
                        MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
                if (registry != null) { // none when camel.metrics.enabled is off
                    context.getManagementStrategy().addEventNotifier(new ExchangeMeters(registry));
                }
            }
        });
    }

    public void start() throws Exception {
        main.start();
    }

    /**
     * Runs the schedule until SIGTERM/SIGINT; Camel's graceful shutdown lets in-flight runs finish.
     * {@code started} is called once every route is up.
     */
    public void runUntilStopped(Runnable started) throws Exception {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                ScheduledExecutorService progress = context().getExecutorServiceManager()
                        .newSingleThreadScheduledExecutor(ChatloadRuntime.this, "chatload-progress");
                progress.scheduleAtFixedRate(() -> chatload.progress().forEach(PROGRESS::info),
                        PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
                started.run();
            }
        });
        main.run();
    }

    public ResourceCatalog catalog() {
        return chatload.catalog();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Runs a load once and returns the summary (see {@link ChatloadRoutes#runOnce(Load)}). */
    public LoadSummary runOnce(Load load) throws Exception {
        return chatload.runOnce(load);
    }

    /**
     * Sends what the outbox tables hold, once (run --once), for the outboxes named (by id or the part after the
     * dot), or all when none are; the scheduled runtime drains them on their own trigger.
     */
    public List<DrainResult> drainOutboxes(List<String> names) {
        return chatload.drainOutboxes(names);
    }

    /** Whether a name given to --resources means an outbox (by id, or the part after the dot). */
    public boolean isOutbox(String name) {
        return chatload.isOutbox(name);
    }

    @Override
    public void close() {
        main.stop();
    }
}
