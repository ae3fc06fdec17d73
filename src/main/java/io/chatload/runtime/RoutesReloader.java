package io.chatload.runtime;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.RouteFile;
import io.chatload.routes.RoutesFolder;
import io.chatload.routes.ResourceSpec;
import io.chatload.routes.ResourceTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of the routes folder while {@code run} runs. Every interval it reads the resource files (the folder's
 * over the shipped ones, by name, see {@link RoutesFolder}) and, for each file that was added, edited or removed
 * (and has not changed again since the previous look, so a half-written file is not taken), it replaces just that
 * file's routes: the routes the file created are stopped and removed, their
 * resources dropped from the catalog, and the file is loaded alone. The file is checked first (it parses, its ids
 * are not another file's, the catalog accepts its resources and they fit with the others), so a broken file is one
 * line in the log and changes nothing; the other routes never stop. Camel's own reload re-parses the whole folder,
 * so one broken file would block every later change, and it does not know the catalog.
 * <p>
 * A changed {@code _source.yaml} rebinds its defaults and reloads the resource files in its folder; a removed one
 * leaves the defaults in place until a restart. A folder file named as a shipped one replaces it, and its removal
 * brings the shipped one back: both are a change of that name's content. The shipped files themselves never change,
 * so without a routes folder there is nothing to watch. Off in a cluster, where the schedule is shared by every
 * node and one node's files cannot change it alone.
 */
public final class RoutesReloader extends LifecycleStrategySupport {

    static final String SETTING = "chatload.routes.reload";
    static final String INTERVAL_SETTING = "chatload.routes.reload-interval-ms";

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.reload");

    private final RoutesFolder routes;
    /** The routes folder, absolute. */
    private final Path dir;
    private final ResourceCatalog catalog;
    private final long intervalMs;
    /** The files as the latest look read them, by name relative to the folder: where each one is from. */
    private Map<Path, RouteFile> files = Map.of();
    /** What runs, per file: the content it was loaded from and the route ids it created. */
    private final Map<Path, Loaded> loaded = new HashMap<>();
    /** Each file's content at the previous look: a change is taken once it has stayed the same for one interval. */
    private Map<Path, String> previous = Map.of();
    /** The folder as this look read it. */
    private Map<Path, String> current = Map.of();
    /** Files whose current content was refused, with the line that said why (said once, not every interval). */
    private final Map<Path, Refusal> refused = new HashMap<>();
    /** Files whose change waits for a run of their resources to finish, with the resource it waits for. */
    private final Map<Path, String> waiting = new HashMap<>();
    /** The triggers paused meanwhile, so that back-to-back runs leave a gap, by resource. */
    private final Map<String, QuartzEndpoint> paused = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private CamelContext context;
    private ScheduledExecutorService executor;
    private boolean stopped;

    /** {@code stale}: to be loaded again although the file did not change (its source's defaults did). */
    private record Loaded(String content, Set<String> ids, boolean stale) {

        Loaded(String content, Set<String> ids) {
            this(content, ids, false);
        }
    }

    /** A change that must wait: the run of a resource it touches is in progress. */
    private static final class Busy extends Exception {

        Busy(String resource) {
            super(resource, null, false, false);
        }
    }

    private record Refusal(String content, String reason) {
    }

    /** A file's routes as parsed, not yet added. */
    private record Parsed(List<RoutesBuilder> builders, Set<String> ids, List<ResourceSpec> specs) {
    }

    RoutesReloader(RoutesFolder routes, ResourceCatalog catalog, long intervalMs) {
        this.routes = routes;
        this.dir = routes.folder().orElseThrow();
        this.catalog = catalog;
        this.intervalMs = intervalMs;
    }

    /**
     * Watches the routes folder once Camel has started, unless {@code chatload.routes.reload} is false or there is
     * no folder (the shipped files alone never change).
     */
    static void installIfEnabled(Main main, ChatloadConfig config, ResourceCatalog catalog) {
        if (!config.getBoolean(SETTING, true)) {
            return;
        }
        RoutesFolder routes = RoutesFolder.of(config);
        if (routes.folder().isEmpty()) {
            return;
        }
        if (config.getBoolean("chatload.cluster.enabled", false)) {
            LOG.info("routes hot reload is off in a cluster: restart the nodes to change the routes folder");
            return;
        }
        RoutesReloader reloader = new RoutesReloader(routes, catalog,
                config.getInt(INTERVAL_SETTING, 1000, 100));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                m.getCamelContext().addLifecycleStrategy(reloader);
            }
        });
    }

    @Override
    public void onContextStarted(CamelContext started) {
        context = started;
        Map<Path, String> now = read();
        for (Map.Entry<Path, String> file : now.entrySet()) {
            try {
                loaded.put(file.getKey(), new Loaded(file.getValue(), parse(file.getKey(), file.getValue()).ids()));
            } catch (Exception e) {
                // Camel loaded every file at start, so this is a file changed meanwhile: the next look takes it
                loaded.put(file.getKey(), new Loaded(null, Set.of()));
            }
        }
        previous = now;
        executor = started.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "chatload-routes-reload");
        executor.scheduleWithFixedDelay(this::scan, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        LOG.info("watching {} for changes (set {}=false to turn it off)", dir, SETTING);
    }

    @Override
    public void onContextStopping(CamelContext stopping) {
        lock.lock();
        try {
            stopped = true;
            if (executor != null) {
                stopping.getExecutorServiceManager().shutdown(executor);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * One look at the folder: applies every settled change, in passes while some succeed, since a change may be what
     * a refused file waited for (its parent, its defaults).
     */
    void scan() {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            Map<Path, String> now = read();
            current = now;
            Set<Path> settled = new LinkedHashSet<>();
            Set<Path> all = new LinkedHashSet<>(now.keySet());
            all.addAll(loaded.keySet());
            for (Path file : all) {
                if (Objects.equals(now.get(file), previous.get(file))) {
                    settled.add(file);
                }
            }
            previous = now;
            boolean retryRefused = false;
            boolean progress = true;
            while (progress) {
                progress = false;
                Set<Path> todo = new TreeSet<>(this::loadOrder);
                for (Path file : settled) {
                    Refusal refusal = refused.get(file);
                    boolean refusedAsIs = refusal != null && Objects.equals(refusal.content(), now.get(file));
                    if (differs(file, now.get(file)) && (retryRefused || !refusedAsIs)) {
                        todo.add(file);
                    }
                }
                for (Path file : todo) {
                    progress |= apply(file, now.get(file));
                }
                retryRefused = true;
            }
            resumeUnneeded(now);
        } catch (RuntimeException e) {
            LOG.warn("{}: reload failed: {}", dir, oneLine(e));
        } finally {
            lock.unlock();
        }
    }

    /** Resumes the triggers no waiting change needs any more (it was applied, refused, or undone). */
    private void resumeUnneeded(Map<Path, String> now) {
        waiting.keySet().removeIf(file -> !differs(file, now.get(file)));
        for (String resource : List.copyOf(paused.keySet())) {
            if (!waiting.containsValue(resource)) {
                QuartzEndpoint trigger = paused.remove(resource);
                if (context.getRoute(resource) != null && context.getRoute(resource).getEndpoint() == trigger) {
                    try {
                        trigger.resumeTrigger();
                    } catch (Exception e) {
                        LOG.warn("{}: could not resume its trigger: {}", resource, oneLine(e));
                    }
                }
            }
        }
    }

    private boolean differs(Path file, String content) {
        Loaded l = loaded.get(file);
        return l == null ? content != null : l.stale() || !Objects.equals(l.content(), content);
    }

    /**
     * {@code _source.yaml} files first, as at start, so their defaults exist before the resources that use them;
     * removed files last, so that a renamed file's new name takes its routes over before the old name goes.
     */
    private int loadOrder(Path a, Path b) {
        int rank = Integer.compare(rank(a), rank(b));
        return rank != 0 ? rank : a.compareTo(b);
    }

    private int rank(Path file) {
        return isDefaults(file) ? 0 : current.containsKey(file) ? 1 : 2;
    }

    private static boolean isDefaults(Path file) {
        return file.getFileName().toString().startsWith("_");
    }

    /** Applies one file's change; false (after one line in the log) when it was refused or must wait. */
    private boolean apply(Path file, String content) {
        try {
            if (content == null) {
                remove(file);
            } else if (isDefaults(file)) {
                reloadDefaults(file, content);
            } else {
                load(file, content);
            }
            refused.remove(file);
            waiting.remove(file);
            return true;
        } catch (Busy busy) {
            if (!busy.getMessage().equals(waiting.put(file, busy.getMessage()))) {
                LOG.info("{}: changed, waiting for the run of {} to finish", name(file), busy.getMessage());
            }
            return false;
        } catch (Exception e) {
            waiting.remove(file);
            String why = oneLine(e).replace(" in " + location(file) + ",", " at"); // the parser's location, said once
            String reason = name(file) + ": not reloaded, " + why + "; the routes already running are unchanged";
            Refusal before = refused.put(file, new Refusal(content, reason));
            if (before == null || !before.reason().equals(reason)) {
                LOG.warn(reason);
            }
            return false;
        }
    }

    private void remove(Path file) throws Exception {
        Loaded old = loaded.get(file);
        if (old == null) {
            return; // moved: the file that has its routes now took them over
        }
        if (isDefaults(file)) {
            loaded.remove(file);
            LOG.info("{}: removed; the defaults it declared stay in use until restart", name(file));
            return;
        }
        // the files removed with it may hold resources that name it (a folder removed at once)
        Set<String> going = new LinkedHashSet<>();
        loaded.forEach((f, l) -> {
            if (!current.containsKey(f)) {
                going.addAll(l.ids());
            }
        });
        catalog.checkChange(going, List.of());
        checkIdle(old.ids(), List.of());
        removeRoutes(old.ids());
        loaded.remove(file);
        LOG.info("{}: removed {}", name(file), String.join(", ", old.ids()));
    }

    /** Rebinds the source's defaults and marks the resource files below it to be loaded again with them. */
    private void reloadDefaults(Path file, String content) throws Exception {
        Parsed parsed = parse(file, content);
        add(parsed);
        loaded.put(file, new Loaded(content, parsed.ids()));
        LOG.info("{}: reloaded the defaults", name(file));
        for (Path f : List.copyOf(loaded.keySet())) {
            Loaded l = loaded.get(f);
            if (!isDefaults(f) && (file.getParent() == null || f.startsWith(file.getParent()))) {
                loaded.put(f, new Loaded(l.content(), l.ids(), true));
            }
        }
    }

    private void load(Path file, String content) throws Exception {
        Parsed parsed = parse(file, content);
        Loaded old = loaded.get(file);
        List<Path> movedFrom = movedFrom(file, parsed.ids());
        Set<String> oldIds = new LinkedHashSet<>(old == null ? Set.of() : old.ids());
        movedFrom.forEach(from -> oldIds.addAll(loaded.get(from).ids()));
        checkIds(file, parsed.ids(), oldIds, movedFrom);
        catalog.checkChange(oldIds, parsed.specs());
        checkIdle(oldIds, parsed.specs());
        removeRoutes(oldIds);
        try {
            add(parsed);
        } catch (Exception e) {
            removeRoutes(parsed.ids());
            if (old != null && old.content() != null && movedFrom.isEmpty()) {
                restore(file, old);
            } else {
                loaded.remove(file);
            }
            throw e;
        }
        movedFrom.forEach(loaded::remove);
        loaded.put(file, new Loaded(content, parsed.ids()));
        LOG.info("{}: {} {}{}", name(file), old == null ? "loaded" : "reloaded", String.join(", ", parsed.ids()),
                movedFrom.isEmpty() ? "" : " (moved from " + String.join(", ", movedFrom.stream().map(this::name).toList()) + ")");
    }

    /** Removed files that declared some of these ids: a file renamed or moved, whose routes this one takes over. */
    private List<Path> movedFrom(Path file, Set<String> ids) {
        return loaded.entrySet().stream()
                .filter(e -> !e.getKey().equals(file) && !current.containsKey(e.getKey()))
                .filter(e -> e.getValue().ids().stream().anyMatch(ids::contains))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Puts back what ran before a change that passed the checks but failed to start. */
    private void restore(Path file, Loaded old) {
        try {
            add(parse(file, old.content()));
        } catch (Exception e) {
            loaded.remove(file);
            LOG.warn("{}: its previous routes could not be restored either: {}", name(file), oneLine(e));
        }
    }

    /**
     * Refuses to go on while a run touching these resources is in progress: their routes are replaced between runs,
     * never under a run that would find its resource, or a child's, half gone. A run is in flight on the route of its
     * root resource until its whole tree is done.
     */
    private void checkIdle(Set<String> removed, List<ResourceSpec> added) throws Busy {
        Map<String, ResourceSpec> known = new HashMap<>();
        catalog.all().forEach(spec -> known.put(spec.id(), spec));
        Set<String> touched = new LinkedHashSet<>(removed);
        for (ResourceSpec spec : added) {
            touched.add(spec.isChild() ? spec.parent().resource() : spec.id());
        }
        for (String id : touched) {
            String root = id;
            for (ResourceSpec s = known.get(root); s != null && s.isChild(); s = known.get(root)) {
                root = s.parent().resource();
            }
            if (context.getInflightRepository().size(root) > 0) {
                pause(root);
                throw new Busy(root);
            }
        }
    }

    /** Holds a resource's next firings, so that a run that follows the last one at once does not starve the change. */
    private void pause(String resource) {
        Route route = context.getRoute(resource);
        if (route != null && route.getEndpoint() instanceof QuartzEndpoint trigger && !paused.containsKey(resource)) {
            try {
                trigger.pauseTrigger();
                paused.put(resource, trigger);
            } catch (Exception e) {
                LOG.warn("{}: could not pause its trigger: {}", resource, oneLine(e));
            }
        }
    }

    /** Each id once in the file, not another file's, and not one of chatload's own routes. */
    private void checkIds(Path file, Set<String> ids, Set<String> own, List<Path> movedFrom) {
        for (String id : ids) {
            for (Map.Entry<Path, Loaded> other : loaded.entrySet()) {
                if (!other.getKey().equals(file) && !movedFrom.contains(other.getKey()) && other.getValue().ids().contains(id)) {
                    throw new ConfigException("routeId " + id + " is already declared in " + name(other.getKey())
                            + ": give one of them another routeId");
                }
            }
            if (!own.contains(id) && context.getRoute(id) != null) {
                throw new ConfigException("routeId " + id + " is taken by one of chatload's own routes: choose another");
            }
        }
    }

    /** Parses a file into its route builders without adding them, and checks its resources with the catalog. */
    private Parsed parse(Path file, String content) throws Exception {
        Resource resource = ResourceHelper.fromString(location(file), content);
        List<RoutesBuilder> builders = List.copyOf(PluginHelper.getRoutesLoader(context).findRoutesBuilders(resource));
        Set<String> ids = new LinkedHashSet<>();
        List<ResourceSpec> specs = new ArrayList<>();
        for (RoutesBuilder builder : builders) {
            if (!(builder instanceof RouteBuilder rb)) {
                throw new ConfigException("cannot tell which routes it declares: only YAML and XML files are reloaded");
            }
            rb.configureRoutes(context);
            catalog.addInstances(rb, context); // the source instances' copies of a vendor's resources, with the file
            for (RouteDefinition route : rb.getRouteCollection().getRoutes()) {
                addId(ids, route.getRouteId(), "a route");
            }
            for (TemplatedRouteDefinition templated : rb.getTemplatedRouteCollection().getTemplatedRoutes()) {
                String ref = templated.getRouteTemplateRef();
                if (ResourceTemplate.ID.equals(ref)) {
                    specs.add(catalog.check(templated.getRouteId(), parameters(templated), context));
                } else if (((ModelCamelContext) context).getRouteTemplateDefinition(ref) == null) {
                    throw new ConfigException("routeTemplateRef '" + ref + "' is not a route template: use "
                            + ResourceTemplate.ID);
                }
                addId(ids, templated.getRouteId(), "a templatedRoute");
            }
        }
        return new Parsed(builders, ids, specs);
    }

    private static void addId(Set<String> ids, String id, String what) {
        if (id == null || id.isBlank()) {
            throw new ConfigException(what + " has no routeId, so it could not be replaced later: give it one");
        }
        if (!ids.add(id)) {
            throw new ConfigException("routeId " + id + " is declared twice in the file: give one of them another routeId");
        }
    }

    private static Map<String, Object> parameters(TemplatedRouteDefinition templated) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (templated.getParameters() != null) {
            for (TemplatedRouteParameterDefinition p : templated.getParameters()) {
                params.put(p.getName(), p.getValue());
            }
        }
        return params;
    }

    /** Adds parsed routes to the running context, as Camel's routes loader does: configurations, routes, templated. */
    private void add(Parsed parsed) throws Exception {
        for (RoutesBuilder builder : parsed.builders()) {
            if (builder instanceof RouteConfigurationsBuilder configurations) {
                context.addRoutesConfigurations(configurations);
            }
        }
        for (RoutesBuilder builder : parsed.builders()) {
            context.addRoutes(builder);
        }
        for (RoutesBuilder builder : parsed.builders()) {
            context.addTemplatedRoutes(builder);
        }
    }

    /** Stops and removes routes (a run in progress finishes first) and forgets their resources. */
    private void removeRoutes(Collection<String> ids) throws Exception {
        ModelCamelContext model = (ModelCamelContext) context;
        for (String id : ids) {
            RouteDefinition definition = model.getRouteDefinition(id);
            if (definition != null) {
                model.removeRouteDefinition(definition);
            } else {
                Route route = context.getRoute(id);
                if (route != null) {
                    context.getRouteController().stopRoute(id);
                    context.removeRoute(id);
                }
            }
        }
        catalog.drop(ids);
    }

    /** Every file, as RoutesFolder lists them (the folder's over the shipped ones), with its content, by name. */
    private Map<Path, String> read() {
        Map<Path, RouteFile> now = new HashMap<>();
        Map<Path, String> contents = new HashMap<>();
        for (RouteFile file : routes.files()) {
            now.put(Path.of(file.name()), file);
            contents.put(Path.of(file.name()), file.content());
        }
        files = now;
        return contents;
    }

    /** Where the file is read from now: the folder, or the jar when shipped and not replaced. */
    private String location(Path file) {
        RouteFile now = files.get(file);
        return now != null ? now.location() : "file:" + dir.resolve(file);
    }

    /** The file as a user names it: {@code routes/chaport/visitors.yaml}, or {@code shipped chaport/visitors.yaml}. */
    private String name(Path file) {
        RouteFile now = files.get(file);
        String name = file.toString().replace('\\', '/');
        return now != null && now.shipped() ? "shipped " + name : dir.getFileName() + "/" + name;
    }

    /** The reason of an exception on one line: the catalog's own message, else the innermost cause's, flattened. */
    static String oneLine(Throwable e) {
        Throwable reason = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException) {
                reason = t;
                break;
            }
            if (t.getMessage() != null) {
                reason = t;
            }
        }
        String message = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
