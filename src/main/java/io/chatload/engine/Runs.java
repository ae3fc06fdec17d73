package io.chatload.engine;

import io.chatload.load.Destination;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a run starts: a {@link RunRequest} in, the {@link RunOutcome} out, once the run (and every run below
 * it) ended. The Quartz trigger, the fan-out to child resources, query-driven parents, {@code run --once}, the webhook
 * receivers and embedding applications all start runs here. A child resource's run goes through the child's own
 * route (its trigger is a {@code direct:} endpoint), every other one straight to the engine's {@code chatload-run}.
 */
public final class Runs {

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.run");

    private final ResourceCatalog catalog;
    private final Destination destination;
    private final Consumer<LoadSummary> scheduledLoads;
    private volatile CamelContext context;
    private volatile ProducerTemplate producer;
    /** One lock per root resource: its runs never overlap, whoever starts them. */
    private final Map<String, ReentrantLock> rootRuns = new ConcurrentHashMap<>();
    /** The loads started here (a trigger's, an on-demand one) that are running: stopped when Camel stops. */
    private final Set<Load> running = ConcurrentHashMap.newKeySet();

    /** @param scheduledLoads receives the summary of each load a Quartz trigger started */
    Runs(ResourceCatalog catalog, Destination destination, Consumer<LoadSummary> scheduledLoads) {
        this.catalog = catalog;
        this.destination = destination;
        this.scheduledLoads = scheduledLoads;
    }

    /** Called once the engine's routes are in {@code context}: runs start there from then on. */
    void attach(CamelContext camelContext) {
        producer = camelContext.createProducerTemplate();
        context = camelContext;
        // as Camel begins to stop (SIGTERM on run, a host shutting down), before it waits for in-flight exchanges: the
        // running loads make no more requests, so their runs end soon with their batches committed, instead of being
        // cut by the shutdown timeout with their fan-out pools gone
        camelContext.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                running.forEach(load -> load.stop("chatload is stopping"));
            }
        });
    }

    /**
     * The context runs start in.
     *
     * @throws IllegalStateException chatload's routes are in no CamelContext yet
     */
    CamelContext context() {
        CamelContext camel = context;
        if (camel == null) {
            throw new IllegalStateException("add chatload's routes to a CamelContext before running resources");
        }
        return camel;
    }

    /**
     * Runs the request and waits for it. A request without a load gets a load of its own (the resource and all
     * below it), finished here: its summary is in the outcome.
     *
     * @throws IllegalStateException chatload's routes are in no CamelContext yet, or no resource has that id
     */
    public RunOutcome start(RunRequest request) {
        context();
        ResourceSpec spec = catalog.get(request.resource());
        if (spec.isChild() || request.above() != null || !request.parent().isEmpty()) {
            return run(spec, request);
        }
        // a root resource runs once at a time: one asked for while another is in progress (an on-demand load while
        // the Quartz trigger's run goes on, or the other way round) waits for it, and says so; Quartz alone keeps
        // only its own firings apart
        ReentrantLock running = rootRuns.computeIfAbsent(spec.id(), id -> new ReentrantLock());
        if (!running.tryLock()) {
            LOG.info("{}: a run of it is in progress; this one waits for it to finish", spec.id());
            running.lock();
        }
        try {
            return run(spec, request);
        } finally {
            running.unlock();
        }
    }

    private RunOutcome run(ResourceSpec spec, RunRequest request) {
        if (request.load() != null) {
            return send(spec, request);
        }
        Load load = new Load(destination.ledger(), catalog.tree(request.resource()), false);
        running.add(load);
        try {
            RunOutcome outcome = send(spec, request.in(load));
            if (!load.recorded(spec.id())) {
                // the run ended around its route (Camel stopping under it, a reload): the load must not look complete
                load.record(outcome.outcome());
            }
            return outcome.withSummary(load.finish(destination.state()));
        } finally {
            running.remove(load);
        }
    }

    private RunOutcome send(ResourceSpec spec, RunRequest request) {
        String endpoint = spec.isChild() ? ResourceCatalog.childEndpoint(spec.id()) : EngineRoutes.RUN;
        Exchange done = producer.send(endpoint, exchange -> exchange.getMessage().setBody(request));
        RunOutcome outcome = done.getMessage().getBody(RunOutcome.class);
        if (done.getException() != null || outcome == null) {
            // the run route ends every run with an outcome; this is a failure around it, e.g. a route being reloaded
            return new RunOutcome(ResourceOutcome.failedToStart(spec, spec.id() + ": could not start: "
                    + ErrorMessages.describe(done.getException())), false, null);
        }
        return outcome;
    }

    /**
     * A Quartz firing of a resource's route, or an exchange a power user's route sends with a resource id as its body:
     * a run of that resource in a load of its own, whose summary is reported; the reply is its {@link RunOutcome}.
     */
    void fire(Exchange exchange) {
        String named = exchange.getMessage().getBody(String.class);
        String resource = named == null || named.isBlank() ? exchange.getFromRouteId() : named.trim();
        RunOutcome outcome = start(RunRequest.of(resource));
        scheduledLoads.accept(outcome.summary());
        exchange.getMessage().setBody(outcome);
    }
}
