package io.chatload.embed;

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
import io.chatload.runtime.RouteFile;
import io.chatload.runtime.RoutesFolder;
import io.chatload.source.HttpSettings;
import io.chatload.source.RateLimits;
import io.chatload.source.ResponseParser;
import io.chatload.source.RetryPolicy;
import io.chatload.webhook.SecretMasking;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.Service;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chatload as routes of a CamelContext: the resource template ({@code chatload-resource}), the load routes every
 * resource shares ({@code direct:chatload-run} ...), the outbox routes, {@link #LOAD} to run resources once, and the
 * resource files (those shipped in the jar with the routes folder's over them, see {@link RoutesFolder}), loaded
 * through Camel's routes loader once the template exists.
 *
 * <p>The standalone runtime adds it to Camel Main; an application with a CamelContext of its own calls
 * {@link #install(CamelContext)} (or lists {@link ChatloadConfiguration} in {@code camel.main.configuration-classes}),
 * which reads the {@code chatload.*} settings from the application's properties. Either way the same routes are
 * added in the same order.
 */
public final class ChatloadRoutes implements RoutesBuilder {

    /** The registry name {@link #install} binds this object to. */
    public static final String BEAN = "chatload";
    /**
     * Runs resources once and replies with the {@link LoadSummary}. Body: the resource names ({@code operators} or
     * {@code chaport.operators}) as a comma-separated String or a collection; empty or null for every enabled one.
     */
    public static final String LOAD = "direct:chatload-load";

    /** How many resources a once-run fetches at the same time. */
    private static final int PARALLEL_RESOURCES = 4;
    private static final Logger NOTICES = LoggerFactory.getLogger("io.chatload");
    private static final Logger LOADS = LoggerFactory.getLogger("io.chatload.run");

    private final Destination destination;
    private final ResourceCatalog catalog;
    private final ResourceRunner runner;
    private final OutboxRoutes outboxes;
    private final List<RoutesBuilder> routes;
    private final List<RouteFile> files;
    private volatile CamelContext context;

    private ChatloadRoutes(Destination destination, ResourceCatalog catalog, ResourceRunner runner, LoadRoutes loadRoutes,
                           OutboxRoutes outboxes, List<RouteFile> files) {
        this.destination = destination;
        this.catalog = catalog;
        this.runner = runner;
        this.outboxes = outboxes;
        this.files = files;
        // the template first: the resource files instantiate it
        this.routes = List.of(new ResourceTemplate(catalog), loadRoutes, outboxes, loadRoute());
    }

    /**
     * Builds chatload's routes on a destination the caller opened and closes. Checks the settings and reads the
     * resource files at once, so a mistake fails here in one line ({@link ConfigException}).
     *
     * @param notices        one-line notices, such as a source disabled for want of its credential
     * @param scheduledLoads the summary of each load a Quartz trigger started
     */
    public static ChatloadRoutes create(ChatloadConfig config, Destination destination, Consumer<String> notices,
                                        Consumer<LoadSummary> scheduledLoads) {
        // per API: chatload.<source>.connect-timeout-ms etc., else the chatload.http.* defaults
        Function<String, HttpSettings> http = source -> new HttpSettings(
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
        long heap = Runtime.getRuntime().maxMemory();
        ResponseParser parser = new ResponseParser(config.getInt("chatload.http.max-body-bytes",
                (int) ResponseParser.defaultMaxBodyBytes(heap), 1024),
                config.getInt("chatload.http.max-json-depth", 500, 2), ResponseParser.maxValues(heap));
        ResourceRunner runner = new ResourceRunner(catalog, destination, config.batchSize(), parser, retry, scheduledLoads);
        // in every command and every host: an API may echo a webhook URL, secret and all, with or without a receiver
        runner.filterRecords(SecretMasking.from(config));
        RateLimits rateLimits = new RateLimits(Map.of(
                "chaport", config.getInt("chatload.chaport.requests-per-second", 0, 0),
                "chatforma", config.getInt("chatload.chatforma.requests-per-second", 0, 0)), Clock.systemUTC());
        OutboxRoutes outboxes = new OutboxRoutes(destination, OutboxSettings.from(config),
                List.of(config.source("chaport"), config.source("chatforma")));
        return new ChatloadRoutes(destination, catalog, runner, new LoadRoutes(runner, retry, rateLimits), outboxes,
                RoutesFolder.of(config).files());
    }

    /** {@link #install(CamelContext, Map)} with every setting from the application's properties. */
    public static ChatloadRoutes install(CamelContext context) throws Exception {
        return install(context, Map.of());
    }

    /**
     * The one step for an application that has a CamelContext: reads the {@code chatload.*} settings (the
     * application's properties, over chatload's defaults and environment variables; {@code settings} over both),
     * connects to {@code chatload.db.url}, adds chatload's routes and the resource files (those shipped in the jar,
     * with those of the folder {@code chatload.routes} names over them) to the context, and binds the returned
     * object as {@value #BEAN}. The database connections close when the context stops. Call it before or after the context starts; resources then run on their Quartz schedule.
     *
     * @throws ConfigException a setting, the routes folder or a resource file is wrong; the message is one line
     */
    public static ChatloadRoutes install(CamelContext context, Map<String, String> settings) throws Exception {
        ChatloadConfig config = HostSettings.config(context, settings);
        Destination destination = connect(config);
        try {
            ChatloadRoutes chatload = create(config, destination, NOTICES::info,
                    summary -> summary.lines().forEach(LOADS::info));
            context.addRoutes(chatload);
            // once the resource files' routes exist (a host may create them only as it starts), before they run
            context.addStartupListener((camel, alreadyStarted) -> HostChecks.requireEnabledResources(chatload.catalog()));
            if (HostChecks.loadOnStart(config)) {
                context.addRoutes(new LoadOnStart(summary -> summary.lines().forEach(LOADS::info)));
            }
            context.getRegistry().bind(BEAN, chatload);
            context.addService(closing(destination), true, true);
            return chatload;
        } catch (Exception | Error e) {
            destination.close();
            throw e;
        }
    }

    private static Destination connect(ChatloadConfig config) {
        try {
            return Destination.connect(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbAllowsCode());
        } catch (SQLException e) {
            // Destination's message names the URL without its password
            throw new ConfigException("chatload.db.url: " + e.getMessage().lines().findFirst().orElse("")
                    + ": check chatload.db.url, chatload.db.user and chatload.db.password", e);
        }
    }

    private static Service closing(Destination destination) {
        return new Service() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
                destination.close();
            }
        };
    }

    private static int perSource(ChatloadConfig config, String source, String key, int fallback) {
        return config.getInt("chatload." + source + "." + key, config.getInt("chatload.http." + key, fallback, 1), 1);
    }

    /**
     * Adds the template and the shared routes, then the resource files (whose templated routes Camel creates at
     * once, checking each), then checks what single files cannot (parents declared, no loops).
     */
    @Override
    public void addRoutesToCamelContext(CamelContext camelContext) throws Exception {
        context = camelContext;
        for (RoutesBuilder builder : routes) {
            camelContext.addRoutes(builder);
        }
        List<Resource> resources = new ArrayList<>();
        for (RouteFile file : files) {
            resources.add(file.resource());
        }
        PluginHelper.getRoutesLoader(camelContext).loadRoutes(resources);
        catalog.validate();
    }

    /** Nothing apart: the resource files' templated routes are added with the routes, after the template. */
    @Override
    public void addTemplatedRoutesToCamelContext(CamelContext camelContext) {
    }

    @Override
    public Set<String> updateRoutesToCamelContext(CamelContext camelContext) {
        throw new UnsupportedOperationException("chatload's routes are added once; resource files are reloaded one by one");
    }

    private RoutesBuilder loadRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(LOAD).routeId("chatload-load")
                        .process(exchange -> exchange.getMessage().setBody(runOnce(names(exchange.getMessage().getBody()))));
            }
        };
    }

    private static String[] names(Object body) {
        Collection<?> names = body == null ? List.of()
                : body instanceof Collection<?> c ? c : Arrays.asList(body.toString().split(","));
        return names.stream().map(n -> String.valueOf(n).trim()).filter(n -> !n.isEmpty()).toArray(String[]::new);
    }

    public ResourceCatalog catalog() {
        return catalog;
    }

    public Destination destination() {
        return destination;
    }

    /** The runner of every resource run, for receivers that start runs of their own (webhooks). */
    public ResourceRunner runner() {
        return runner;
    }

    /** One line per long root run in progress: where its crawl is. */
    public List<String> progress() {
        return runner.progress();
    }

    /** The context chatload was added to; null before. */
    public CamelContext context() {
        return context;
    }

    /**
     * Runs the named resources once ({@code operators} or {@code chaport.operators}, with the resources below them
     * and the parents that feed them; every enabled one when none is named), waits for all and returns the summary.
     *
     * @throws ConfigException a name matches no resource, or its source has no credential
     */
    public LoadSummary runOnce(String... resources) throws Exception {
        return runOnce(new Load(destination.ledger(), catalog.select(List.of(resources)), false));
    }

    /**
     * Runs a load once: its root resources in parallel, each with its whole tree, in waves so that a resource runs
     * after those its {@code after} names; waits for all and returns the summary.
     */
    public LoadSummary runOnce(Load load) throws Exception {
        CamelContext camel = context;
        if (camel == null) {
            throw new IllegalStateException("add chatload's routes to a CamelContext before running resources");
        }
        List<ResourceSpec> pending = new ArrayList<>(catalog.roots(load.resources()));
        Set<String> done = new HashSet<>();
        ProducerTemplate producer = camel.createProducerTemplate();
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
     * Sends what the outbox tables hold, once, for the outboxes named (by id, {@code chaport.messages}, or the part
     * after the dot), or all when none are; on the schedule they drain on their own trigger.
     */
    public List<DrainResult> drainOutboxes(List<String> names) {
        return outboxes.drainOnce(id -> names.isEmpty() || names.stream().anyMatch(n -> id.equals(n) || id.endsWith("." + n)));
    }
}
