package io.chatload.engine;

import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * Runs the resources below a written record: each child resource once for that parent record, in the batch of the
 * tree. A root's records fan out on a bounded pool per source (Camel-managed, {@link RequestSlots#WORKERS_PER_SLOT}
 * threads per request the source may have in flight, {@code chatload.<source>.concurrency}), so several parents load
 * at once; deeper levels run in that worker. The record's cursor is stored only
 * when all its child runs loaded everything.
 */
final class FanOut {

    private final ResourceCatalog catalog;
    private final RecordSink sink;
    private final Runs runs;
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

    FanOut(ResourceCatalog catalog, RecordSink sink, Runs runs) {
        this.catalog = catalog;
        this.sink = sink;
        this.runs = runs;
    }

    /** The body's {@link RecordSink.Written} record: runs its children, then lets its cursor join the batch. */
    void below(Exchange exchange) {
        ResourceRun run = RunExchange.run(exchange);
        RecordSink.Written written = exchange.getMessage().getBody(RecordSink.Written.class);
        Runnable below = () -> {
            if (!runAll(run, written.record())) {
                run.childFailed();
                return; // no cursor: the next run fetches this record's children again
            }
            sink.covered(run, written);
        };
        if (run.ownsBatch && !catalog.children(run.spec.id(), run.load.resources()).isEmpty()) {
            run.fanningOut(pool(exchange.getContext(), run.spec.source()).submit(below));
        } else {
            below.run();
        }
    }

    /** Ends a page once the child runs of the page before's records have; this page's may go on meanwhile. */
    void pageFannedOut(Exchange exchange) throws Exception {
        RunExchange.run(exchange).pageFannedOut();
    }

    /** Runs every child resource of the load for one parent record; true when all loaded everything. */
    private boolean runAll(ResourceRun run, Map<String, Object> record) {
        boolean complete = true;
        for (ResourceSpec child : catalog.children(run.spec.id(), run.load.resources())) {
            complete &= runs.start(RunRequest.of(child.id()).below(run, record)).complete();
        }
        return complete;
    }

    /** The source's fan-out pool, shut down with the Camel context. */
    private ExecutorService pool(CamelContext context, String source) {
        return pools.computeIfAbsent(source, s -> context.getExecutorServiceManager()
                .newFixedThreadPool(this, "chatload-" + s + "-fan-out",
                        catalog.sourceConfig(s).concurrency() * RequestSlots.WORKERS_PER_SLOT));
    }
}
