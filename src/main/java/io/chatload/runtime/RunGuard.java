package io.chatload.runtime;

import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.slf4j.Logger;

/**
 * Keeps reloads off running resources: their routes are replaced between runs, never under a run that would find its
 * resource, or a child's, half gone. A change that must wait holds the trigger of the run it waits for, so that a run
 * that follows the last one at once does not starve it, and lets it go once no change waits for it any more.
 */
final class RunGuard {

    /** A change that must wait: the run of a resource it touches is in progress. */
    static final class Busy extends Exception {

        Busy(String resource) {
            super(resource, null, false, false);
        }

        /** The root resource whose run is in progress. */
        String resource() {
            return getMessage();
        }
    }

    private final CamelContext context;
    private final ResourceCatalog catalog;
    private final Logger log;
    /** The triggers paused meanwhile, so that back-to-back runs leave a gap, by resource. */
    private final Map<String, QuartzEndpoint> paused = new HashMap<>();

    RunGuard(CamelContext context, ResourceCatalog catalog, Logger log) {
        this.context = context;
        this.catalog = catalog;
        this.log = log;
    }

    /**
     * Refuses to go on while a run touching these resources is in progress. A run is in flight on the route of its
     * root resource until its whole tree is done.
     */
    void checkIdle(Set<String> removed, List<ResourceSpec> added) throws Busy {
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
                log.warn("{}: could not pause its trigger: {}", resource, RoutesReloader.oneLine(e));
            }
        }
    }

    /** Resumes the triggers no change waits for any more (it was applied, refused, or undone). */
    void resumeAllBut(Collection<String> waitedFor) {
        for (String resource : List.copyOf(paused.keySet())) {
            if (!waitedFor.contains(resource)) {
                QuartzEndpoint trigger = paused.remove(resource);
                // a trigger whose route was replaced meanwhile is gone with it: the new route has its own
                if (context.getRoute(resource) != null && context.getRoute(resource).getEndpoint() == trigger) {
                    try {
                        trigger.resumeTrigger();
                    } catch (Exception e) {
                        log.warn("{}: could not resume its trigger: {}", resource, RoutesReloader.oneLine(e));
                    }
                }
            }
        }
    }
}
