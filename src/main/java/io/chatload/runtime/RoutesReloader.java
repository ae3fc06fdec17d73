package io.chatload.runtime;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.RoutesFolder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of the routes folder while {@code run} runs. Every interval it looks at the resource files
 * ({@link WatchedFolder}) and, for each file that was added, edited or removed and has settled, it replaces just that
 * file's routes ({@link FileChanges}), between runs ({@link RunGuard}). A broken file is one line in the log and
 * changes nothing; the other routes never stop. Camel's own reload re-parses the whole folder, so one broken file
 * would block every later change, and it does not know the catalog.
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

    private final WatchedFolder folder;
    private final ResourceCatalog catalog;
    private final long intervalMs;
    /** Files whose current content was refused, with the line that said why (said once, not every interval). */
    private final Map<Path, Refusal> refused = new HashMap<>();
    /** Files whose change waits for a run of their resources to finish, with the resource it waits for. */
    private final Map<Path, String> waiting = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private FileChanges changes;
    private RunGuard guard;
    private ScheduledExecutorService executor;
    private boolean stopped;

    private record Refusal(String content, String reason) {
    }

    RoutesReloader(RoutesFolder routes, ResourceCatalog catalog, long intervalMs) {
        this.folder = new WatchedFolder(routes);
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
        guard = new RunGuard(started, catalog, LOG);
        changes = new FileChanges(started, catalog, folder, guard, LOG);
        folder.start().forEach(changes::loadedAtStart);
        executor = started.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "chatload-routes-reload");
        executor.scheduleWithFixedDelay(this::scan, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        LOG.info("watching {} for changes (set {}=false to turn it off)", folder.dir(), SETTING);
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
            Set<Path> settled = folder.settled(changes.files());
            boolean retryRefused = false;
            boolean progress = true;
            while (progress) {
                progress = false;
                Set<Path> todo = new TreeSet<>(this::loadOrder);
                for (Path file : settled) {
                    Refusal refusal = refused.get(file);
                    boolean refusedAsIs = refusal != null && Objects.equals(refusal.content(), folder.content(file));
                    if (changes.differs(file, folder.content(file)) && (retryRefused || !refusedAsIs)) {
                        todo.add(file);
                    }
                }
                for (Path file : todo) {
                    progress |= apply(file, folder.content(file));
                }
                retryRefused = true;
            }
            // the triggers no waiting change needs any more (it was applied, refused, or undone) run again
            waiting.keySet().removeIf(file -> !changes.differs(file, folder.content(file)));
            guard.resumeAllBut(waiting.values());
        } catch (RuntimeException e) {
            LOG.warn("{}: reload failed: {}", folder.dir(), oneLine(e));
        } finally {
            lock.unlock();
        }
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
        return WatchedFolder.isDefaults(file) ? 0 : folder.exists(file) ? 1 : 2;
    }

    /** Applies one file's change; false (after one line in the log) when it was refused or must wait. */
    private boolean apply(Path file, String content) {
        try {
            if (content == null) {
                changes.remove(file);
            } else if (WatchedFolder.isDefaults(file)) {
                changes.reloadDefaults(file, content);
            } else {
                changes.load(file, content);
            }
            refused.remove(file);
            waiting.remove(file);
            return true;
        } catch (RunGuard.Busy busy) {
            if (!busy.resource().equals(waiting.put(file, busy.resource()))) {
                LOG.info("{}: changed, waiting for the run of {} to finish", folder.name(file), busy.resource());
            }
            return false;
        } catch (Exception e) {
            waiting.remove(file);
            String why = oneLine(e).replace(" in " + folder.location(file) + ",", " at"); // the parser's location, said once
            String reason = folder.name(file) + ": not reloaded, " + why + "; the routes already running are unchanged";
            Refusal before = refused.put(file, new Refusal(content, reason));
            if (before == null || !before.reason().equals(reason)) {
                LOG.warn(reason);
            }
            return false;
        }
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
