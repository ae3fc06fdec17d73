package io.chatload.embed;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.engine.Engine;
import io.chatload.engine.Load;
import io.chatload.engine.LoadSummary;
import io.chatload.engine.Runs;
import io.chatload.load.Destination;
import io.chatload.outbox.DrainResult;
import io.chatload.outbox.OutboxRoutes;
import io.chatload.outbox.OutboxSettings;
import io.chatload.plugin.VendorPlugins;
import io.chatload.records.ChatloadComponent;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceTemplate;
import io.chatload.routes.RouteFile;
import io.chatload.routes.RouteFiles;
import io.chatload.routes.RoutesFolder;
import io.chatload.source.HttpConfiguration;
import io.chatload.webhook.SecretMasking;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.Service;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chatload as routes of a CamelContext: the resource template ({@code chatload-resource}), the run engine's routes
 * every resource shares ({@link Engine}), the outbox routes, {@link #LOAD} to run resources once, and the
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

    private static final Logger NOTICES = LoggerFactory.getLogger("io.chatload");
    private static final Logger LOADS = LoggerFactory.getLogger("io.chatload.run");

    private final Destination destination;
    private final ResourceCatalog catalog;
    private final Engine engine;
    private final VendorPlugins plugins;
    private final OutboxRoutes outboxes;
    private final List<String> outboxIds;
    private final ResourceTemplate template;
    private final List<RouteFile> files;
    private volatile CamelContext context;

    private ChatloadRoutes(Destination destination, ResourceCatalog catalog, Engine engine, VendorPlugins plugins,
                           OutboxRoutes outboxes, List<String> outboxIds, List<RouteFile> files) {
        this.destination = destination;
        this.catalog = catalog;
        this.engine = engine;
        this.plugins = plugins;
        this.outboxes = outboxes;
        this.outboxIds = List.copyOf(outboxIds);
        this.files = files;
        this.template = new ResourceTemplate(catalog, Engine.RUN);
    }

    /**
     * Builds chatload's routes on a destination the caller opened and closes, with the vendor plug-ins on the
     * classpath. Checks the settings and reads the resource files at once, so a mistake fails here in one line
     * ({@link ConfigException}).
     *
     * @param notices        one-line notices, such as a source disabled for want of its credential
     * @param scheduledLoads the summary of each load a Quartz trigger started
     */
    public static ChatloadRoutes create(ChatloadConfig config, Destination destination, Consumer<String> notices,
                                        Consumer<LoadSummary> scheduledLoads) {
        return create(config, destination, VendorPlugins.installed(), notices, scheduledLoads);
    }

    /** The same with the vendor plug-ins given (those of a host's registry too, see {@link VendorPlugins#of}). */
    public static ChatloadRoutes create(ChatloadConfig config, Destination destination, VendorPlugins plugins,
                                        Consumer<String> notices, Consumer<LoadSummary> scheduledLoads) {
        HttpConfiguration http = new HttpConfiguration(config);
        ResourceCatalog catalog = new ResourceCatalog(config, http.settings(), notices);
        // the record filter, in every command and every host: an API may echo a webhook URL, secret and all, with or
        // without a receiver
        Engine engine = new Engine(catalog, destination, config.batchSize(), http.parser(), http.retry(), http.rateLimits(),
                SecretMasking.from(config, plugins.webhookReceivers(config).keySet()), scheduledLoads);
        OutboxRoutes outboxes = new OutboxRoutes(destination, OutboxSettings.from(config),
                config.getBoolean(HostSettings.OUTBOX_ENABLED, true) ? plugins.outboxes(config) : List.of());
        return new ChatloadRoutes(destination, catalog, engine, plugins, outboxes, plugins.outboxIds(config),
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
            ChatloadRoutes chatload = create(config, destination, VendorPlugins.of(context), NOTICES::info,
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

    /**
     * Adds the template and the shared routes, then the resource files (whose templated routes Camel creates at
     * once, checking each), then checks what single files cannot (parents declared, no loops).
     */
    @Override
    public void addRoutesToCamelContext(CamelContext camelContext) throws Exception {
        context = camelContext;
        // where chatload: consumers (io.chatload.records) read the records of finished loads
        camelContext.getRegistry().bind(ChatloadComponent.DESTINATION_BEAN, Destination.class, destination);
        camelContext.addRoutes(template); // first: the resource files instantiate it
        engine.addTo(camelContext);
        camelContext.addRoutes(outboxes);
        camelContext.addRoutes(loadRoute());
        RouteFiles.load(camelContext, files, catalog); // each parsed once; a routeId in two files is refused
        catalog.validate(camelContext);
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

    /** Where every resource run starts, for receivers and hosts that start runs of their own. */
    public Runs runs() {
        return engine.runs();
    }

    /** One line per long root run in progress: where its crawl is. */
    public List<String> progress() {
        return engine.progress();
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
        return engine.runOnce(load);
    }

    /**
     * Sends what the outbox tables hold, once, for the outboxes named (by id, {@code <source>.messages}, or the part
     * after the dot), or all when none are; on the schedule they drain on their own trigger.
     */
    public List<DrainResult> drainOutboxes(List<String> names) {
        return outboxes.drainOnce(id -> names.isEmpty() || names.stream().anyMatch(n -> names(id, n)));
    }

    /** Whether a name given to {@code --resources} means an outbox, of an enabled source or not. */
    public boolean isOutbox(String name) {
        return outboxIds.stream().anyMatch(id -> names(id, name));
    }

    private static boolean names(String outboxId, String name) {
        return outboxId.equals(name) || outboxId.endsWith("." + name);
    }

    /** The vendor plug-ins chatload was built with. */
    public VendorPlugins plugins() {
        return plugins;
    }
}
