package io.chatload.dashboard;

import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * What only a running pipeline ({@code run}) knows: its resources, each route's status and Quartz's next fire time.
 * {@code show --web} serves the page without one.
 */
public final class Pipeline {

    private final CamelContext context;
    private final ResourceCatalog catalog;

    public Pipeline(CamelContext context, ResourceCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    CamelContext context() {
        return context;
    }

    /** The enabled resources. */
    Collection<ResourceSpec> specs() {
        return catalog.all().stream().filter(catalog::enabled).toList();
    }

    /** The resource that keeps its state under {@code name} in {@code schema}; null when the catalog has none. */
    ResourceSpec spec(String schema, String name) {
        return catalog.all().stream().filter(s -> s.schema().equals(schema) && s.name().equals(name)).findFirst().orElse(null);
    }

    String routeStatus(String id) {
        ServiceStatus status = context.getRouteController().getRouteStatus(id);
        return status == null ? null : status.name();
    }

    /** When Quartz fires the resource's route next; null for a child (no trigger of its own) or no trigger yet. */
    Instant nextFireTime(String id) {
        Route route = context.getRoute(id);
        if (route == null || !(route.getEndpoint() instanceof QuartzEndpoint quartz)) {
            return null;
        }
        try {
            Trigger trigger = quartz.getComponent().getScheduler().getTrigger(quartz.getTriggerKey());
            Date next = trigger == null ? null : trigger.getNextFireTime();
            return next == null ? null : next.toInstant();
        } catch (SchedulerException e) {
            return null; // the page shows no time rather than failing: the scheduler may be stopping
        }
    }
}
