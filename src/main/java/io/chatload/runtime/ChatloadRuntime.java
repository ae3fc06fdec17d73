package io.chatload.runtime;

import io.chatload.cluster.QuartzCluster;
import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.load.Destination;
import io.chatload.outbox.DrainResult;
import io.chatload.outbox.OutboxRoutes;
import io.chatload.outbox.OutboxSettings;
import io.chatload.routes.Load;
import io.chatload.routes.LoadRoutes;
import io.chatload.routes.LoadSummary;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceRunner;
import io.chatload.routes.ResourceSpec;
import io.chatload.routes.ResourceTemplate;
import io.chatload.source.HttpSettings;
import io.chatload.source.RateLimits;
import io.chatload.source.ResponseParser;
import io.chatload.source.RetryPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chatload inside Camel Main: the resource template, the shared load routes and the routes folder. Scheduled mode
 * lets every enabled resource's Quartz trigger fire; once mode keeps the scheduler idle and runs resources on demand.
 */
public final class ChatloadRuntime implements AutoCloseable {

    /** How many resources a once-run fetches at the same time. */
    private static final int PARALLEL_RESOURCES = 4;

    private static final Logger PROGRESS = LoggerFactory.getLogger("io.chatload.progress");

    /** The outboxes' ids, as run --once --resources may name them (also by the part after the dot). */
    public static final List<String> OUTBOXES = List.of("chaport.messages", "chatforma.dispatch_broadcast");

    /** How often {@code run} logs the progress of long crawls. */
    private static final long PROGRESS_SECONDS = 10;

    private final Main main;
    private final ResourceCatalog catalog;
    private final Destination destination;
    private final OutboxRoutes outboxes;
    private final ResourceRunner runner;

    private ChatloadRuntime(Main main, ResourceCatalog catalog, Destination destination, OutboxRoutes outboxes,
                            ResourceRunner runner) {
        this.main = main;
        this.catalog = catalog;
        this.destination = destination;
        this.outboxes = outboxes;
        this.runner = runner;
    }

    /** Builds the runtime; {@code scheduled} decides whether Quartz fires. Call {@link #start()} or {@link #runUntilStopped()}. */
    public static ChatloadRuntime create(ChatloadConfig config, Destination destination, boolean scheduled,
                                        Consumer<String> notices, Consumer<LoadSummary> scheduledLoads) {
        // per API: chatload.<source>.connect-timeout-ms etc., else the chatload.http.* defaults
        java.util.function.Function<String, HttpSettings> http = source -> new HttpSettings(
                perSource(config, source, "connect-timeout-ms", 10_000), perSource(config, source, "read-timeout-ms", 60_000),
                perSource(config, source, "max-connections", 8));
        ResourceCatalog catalog = new ResourceCatalog(config, http, notices);
        RetryPolicy retry;
        try {
            retry = new RetryPolicy(config.getInt("chatload.http.max-attempts", 5, 1),
                    config.getInt("chatload.http.retry-initial-delay-ms", 500, 0),
                    config.getInt("chatload.http.retry-max-delay-ms", 30_000, 0), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("chatload.http.retry-initial-delay-ms must not exceed chatload.http.retry-max-delay-ms");
        }
        ResponseParser parser = new ResponseParser(config.getInt("chatload.http.max-body-bytes", 64 * 1024 * 1024, 1024),
                config.getInt("chatload.http.max-json-depth", 500, 2));
        ResourceRunner runner = new ResourceRunner(catalog, destination, config.batchSize(), parser, retry, scheduledLoads);
        Main main = new Main();
        main.configure().addRoutesBuilder(new ResourceTemplate(catalog));
        RateLimits rateLimits = new RateLimits(Map.of(
                "chaport", config.getInt("chatload.chaport.requests-per-second", 0, 0),
                "chatforma", config.getInt("chatload.chatforma.requests-per-second", 0, 0)), Clock.systemUTC());
        main.configure().addRoutesBuilder(new LoadRoutes(runner, retry, rateLimits));
        String include = RoutesFolder.includePattern(config.routesDir());
        // overrides application.properties, which keeps Camel away from its default classpath folders
        main.addOverrideProperty("camel.main.routes-include-pattern", include.isEmpty() ? "false" : include);
        if (scheduled) {
            QuartzCluster.configure(main, config);
        } else {
            main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
        }
        OutboxRoutes outboxes = new OutboxRoutes(destination, OutboxSettings.from(config),
                List.of(config.source("chaport"), config.source("chatforma")));
        main.configure().addRoutesBuilder(outboxes);
        io.chatload.webhook.WebhookRoutes.install(main, config, catalog, destination, runner, scheduled);
        int managementPort = config.getInt("chatload.management.port", 9090, 0);
        if (scheduled && managementPort > 0) {
            // health and Prometheus metrics: http://localhost:<port>/observe/health and /observe/metrics
            main.addOverrideProperty("camel.management.enabled", "true");
            main.addOverrideProperty("camel.management.port", Integer.toString(managementPort));
        }
        return new ChatloadRuntime(main, catalog, destination, outboxes, runner);
    }

    private static int perSource(ChatloadConfig config, String source, String key, int fallback) {
        return config.getInt("chatload." + source + "." + key, config.getInt("chatload.http." + key, fallback, 1), 1);
    }

    public void start() throws Exception {
        main.start();
        catalog.validate();
    }

    /**
     * Runs the schedule until SIGTERM/SIGINT; Camel's graceful shutdown lets in-flight runs finish.
     * {@code started} is called once every route is up.
     */
    public void runUntilStopped(Runnable started) throws Exception {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                catalog.validate();
                ScheduledExecutorService progress = context().getExecutorServiceManager()
                        .newSingleThreadScheduledExecutor(ChatloadRuntime.this, "chatload-progress");
                progress.scheduleAtFixedRate(() -> runner.progress().forEach(PROGRESS::info),
                        PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
                started.run();
            }
        });
        main.run();
    }

    public ResourceCatalog catalog() {
        return catalog;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /**
     * Runs a load once: its root resources in parallel, each with its whole tree, in waves so that a resource runs
     * after those its {@code after} names; waits for all and returns the summary.
     */
    public LoadSummary runOnce(Load load) throws Exception {
        List<ResourceSpec> pending = new ArrayList<>(catalog.roots(load.resources()));
        Set<String> done = new HashSet<>();
        ProducerTemplate producer = context().createProducerTemplate();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_RESOURCES, pending.size())));
        try {
            while (!pending.isEmpty()) {
                List<ResourceSpec> ready = pending.stream().filter(spec -> ready(spec, load, done)).toList();
                List<ResourceSpec> wave = ready.isEmpty() ? List.copyOf(pending) : ready; // 'after' in a circle: run them
                List<Future<?>> runs = new ArrayList<>();
                for (ResourceSpec spec : wave) {
                    runs.add(pool.submit(() -> producer.send(LoadRoutes.RUN, exchange -> {
                        exchange.setProperty(ResourceRunner.RESOURCE, spec.id());
                        exchange.setProperty(ResourceRunner.LOAD, load);
                    })));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
                wave.forEach(spec -> done.addAll(catalog.tree(spec.id())));
                pending.removeAll(wave);
            }
        } finally {
            pool.shutdown();
            producer.close();
        }
        return load.finish(destination.state());
    }

    /** Whether every resource a query-driven resource waits for has run (or is not part of this load). */
    private static boolean ready(ResourceSpec spec, Load load, Set<String> done) {
        return spec.parentQuery() == null || spec.parentQuery().after().stream()
                .allMatch(after -> done.contains(after) || !load.resources().contains(after));
    }

    /**
     * Sends what the outbox tables hold, once (run --once), for the outboxes named (by id or the part after the
     * dot), or all when none are; the scheduled runtime drains them on their own trigger.
     */
    public List<DrainResult> drainOutboxes(List<String> names) {
        return outboxes.drainOnce(id -> names.isEmpty() || names.stream().anyMatch(n -> id.equals(n) || id.endsWith("." + n)));
    }

    /** Whether a name given to --resources means an outbox. */
    public static boolean isOutbox(String name) {
        return OUTBOXES.stream().anyMatch(o -> o.equals(name) || o.endsWith("." + name));
    }

    @Override
    public void close() {
        main.stop();
    }
}
