package io.chatload.engine;

import io.chatload.load.Destination;
import io.chatload.routes.ResourceCatalog;
import io.chatload.source.RateLimits;
import io.chatload.source.ResponseParser;
import io.chatload.source.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;

/**
 * The run engine, assembled: its parts, each with one job ({@link PageRequests} request and paging,
 * {@link PageFailures} retries, {@link RecordSink} keys, cursors and batch, {@link FanOut} child runs,
 * {@link QueryParents} query-driven parents, {@link RunLifecycle} a run's start and end), wired by
 * {@link EngineRoutes}. Runs start through {@link #runs()}.
 */
public final class Engine {

    /**
     * Where every run comes in: a resource's route hands each firing over here (give it to the
     * {@code chatload-resource} template), and a power user's route may send a resource id here as the body.
     */
    public static final String RUN = EngineRoutes.RUN;

    private final Runs runs;
    private final RunLifecycle lifecycle;
    private final RunOnce once;
    private final ResourceMetrics metrics;
    private final EngineRoutes routes;

    /**
     * @param recordFilter   applied to every record before it is written, e.g. masking a secret an API echoes back
     * @param scheduledLoads receives the summary of each load a Quartz trigger started
     */
    public Engine(ResourceCatalog catalog, Destination destination, int batchSize, ResponseParser parser,
                  RetryPolicy retry, RateLimits rateLimits, Consumer<Map<String, Object>> recordFilter,
                  Consumer<LoadSummary> scheduledLoads) {
        metrics = new ResourceMetrics();
        runs = new Runs(catalog, destination, scheduledLoads);
        PageRequests pages = new PageRequests(catalog, parser, rateLimits, metrics);
        QueryParents queryParents = new QueryParents(destination, runs);
        lifecycle = new RunLifecycle(catalog, destination, batchSize, pages, queryParents, metrics);
        RecordSink sink = new RecordSink(metrics, recordFilter);
        routes = new EngineRoutes(runs, lifecycle, pages, new PageFailures(retry, rateLimits, metrics), sink,
                new FanOut(catalog, sink, runs), queryParents, rateLimits, new RequestSlots(catalog));
        once = new RunOnce(catalog, destination, runs);
    }

    /** Adds the engine's routes to {@code camelContext}; runs start there from then on. */
    public void addTo(CamelContext camelContext) throws Exception {
        camelContext.addRoutes(routes);
        metrics.attach(camelContext);
        runs.attach(camelContext);
    }

    /** Where runs start: a {@link RunRequest} in, its {@link RunOutcome} out. */
    public Runs runs() {
        return runs;
    }

    /** Runs a load's resources once, parents before children, waits for all and returns the load's summary. */
    public LoadSummary runOnce(Load load) throws Exception {
        return once.run(load);
    }

    /** One line per long root run in progress: where its crawl is. */
    public List<String> progress() {
        return lifecycle.progress();
    }
}
