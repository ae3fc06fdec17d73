package io.chatload.runtime;

import io.chatload.config.ConfigException;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.RouteFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;

/**
 * What runs per file, and one file's change applied to it: the routes the file created are stopped and removed, their
 * resources dropped from the catalog, and the file is loaded alone. The file is checked first (it parses, its ids are
 * not another file's, the catalog accepts its resources and they fit with the others), so a refused change throws and
 * leaves what runs as it was.
 */
final class FileChanges {

    private final CamelContext context;
    private final ResourceCatalog catalog;
    private final WatchedFolder folder;
    private final RunGuard guard;
    private final Logger log;
    /** What runs, per file: the content it was loaded from and the route ids it created. */
    private final Map<Path, Loaded> loaded = new HashMap<>();

    /** {@code stale}: to be loaded again although the file did not change (its source's defaults did). */
    private record Loaded(String content, Set<String> ids, boolean stale) {

        Loaded(String content, Set<String> ids) {
            this(content, ids, false);
        }
    }

    FileChanges(CamelContext context, ResourceCatalog catalog, WatchedFolder folder, RunGuard guard, Logger log) {
        this.context = context;
        this.catalog = catalog;
        this.folder = folder;
        this.guard = guard;
        this.log = log;
    }

    /** A file as Camel loaded it at start. */
    void loadedAtStart(Path file, String content) {
        try {
            loaded.put(file, new Loaded(content, parse(file, content).ids()));
        } catch (Exception e) {
            // Camel loaded every file at start, so this is a file changed meanwhile: the next look takes it
            loaded.put(file, new Loaded(null, Set.of()));
        }
    }

    /** The files something was loaded from. */
    Set<Path> files() {
        return loaded.keySet();
    }

    /** Whether the file's content (null: removed) is not what runs. */
    boolean differs(Path file, String content) {
        Loaded l = loaded.get(file);
        return l == null ? content != null : l.stale() || !Objects.equals(l.content(), content);
    }

    void remove(Path file) throws Exception {
        Loaded old = loaded.get(file);
        if (old == null) {
            return; // moved: the file that has its routes now took them over
        }
        if (WatchedFolder.isDefaults(file)) {
            loaded.remove(file);
            log.info("{}: removed; the defaults it declared stay in use until restart", folder.name(file));
            return;
        }
        // the files removed with it may hold resources that name it (a folder removed at once)
        Set<String> going = new LinkedHashSet<>();
        loaded.forEach((f, l) -> {
            if (!folder.exists(f)) {
                going.addAll(l.ids());
            }
        });
        catalog.checkChange(going, List.of());
        guard.checkIdle(old.ids(), List.of());
        removeRoutes(old.ids());
        loaded.remove(file);
        log.info("{}: removed {}", folder.name(file), String.join(", ", old.ids()));
    }

    /** Rebinds the source's defaults and marks the resource files below it to be loaded again with them. */
    void reloadDefaults(Path file, String content) throws Exception {
        ParsedFile parsed = parse(file, content);
        RouteFiles.add(context, parsed.builders());
        loaded.put(file, new Loaded(content, parsed.ids()));
        log.info("{}: reloaded the defaults", folder.name(file));
        for (Path f : List.copyOf(loaded.keySet())) {
            Loaded l = loaded.get(f);
            if (!WatchedFolder.isDefaults(f) && (file.getParent() == null || f.startsWith(file.getParent()))) {
                loaded.put(f, new Loaded(l.content(), l.ids(), true));
            }
        }
    }

    void load(Path file, String content) throws Exception {
        ParsedFile parsed = parse(file, content);
        Loaded old = loaded.get(file);
        List<Path> movedFrom = movedFrom(file, parsed.ids());
        Set<String> oldIds = new LinkedHashSet<>(old == null ? Set.of() : old.ids());
        movedFrom.forEach(from -> oldIds.addAll(loaded.get(from).ids()));
        checkIds(file, parsed.ids(), oldIds, movedFrom);
        catalog.checkChange(oldIds, parsed.specs());
        guard.checkIdle(oldIds, parsed.specs());
        removeRoutes(oldIds);
        try {
            RouteFiles.add(context, parsed.builders());
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
        log.info("{}: {} {}{}", folder.name(file), old == null ? "loaded" : "reloaded", String.join(", ", parsed.ids()),
                movedFrom.isEmpty() ? "" : " (moved from " + String.join(", ", movedFrom.stream().map(folder::name).toList()) + ")");
    }

    private ParsedFile parse(Path file, String content) throws Exception {
        return ParsedFile.parse(context, catalog, folder.location(file), content);
    }

    /** Removed files that declared some of these ids: a file renamed or moved, whose routes this one takes over. */
    private List<Path> movedFrom(Path file, Set<String> ids) {
        return loaded.entrySet().stream()
                .filter(e -> !e.getKey().equals(file) && !folder.exists(e.getKey()))
                .filter(e -> e.getValue().ids().stream().anyMatch(ids::contains))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Puts back what ran before a change that passed the checks but failed to start. */
    private void restore(Path file, Loaded old) {
        try {
            RouteFiles.add(context, parse(file, old.content()).builders());
        } catch (Exception e) {
            loaded.remove(file);
            log.warn("{}: its previous routes could not be restored either: {}", folder.name(file), RoutesReloader.oneLine(e));
        }
    }

    /** Each id once in the file, not another file's, and not one of chatload's own routes. */
    private void checkIds(Path file, Set<String> ids, Set<String> own, List<Path> movedFrom) {
        for (String id : ids) {
            for (Map.Entry<Path, Loaded> other : loaded.entrySet()) {
                if (!other.getKey().equals(file) && !movedFrom.contains(other.getKey()) && other.getValue().ids().contains(id)) {
                    throw new ConfigException("routeId " + id + " is already declared in " + folder.name(other.getKey())
                            + ": give one of them another routeId");
                }
            }
            if (!own.contains(id) && context.getRoute(id) != null) {
                throw new ConfigException("routeId " + id + " is taken by one of chatload's own routes: choose another");
            }
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
}
