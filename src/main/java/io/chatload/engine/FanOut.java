package io.chatload.engine;

import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Runs the resources below a written record: each child resource once for that parent record, in the batch of the
 * tree. A root's records fan out on a bounded pool per source (Camel-managed, {@link RequestSlots#WORKERS_PER_SLOT}
 * threads per request the source may have in flight, {@code chatload.<source>.concurrency}), so several parents load
 * at once. Deeper records (a bot's dialogs, whose messages are a level below) fan out on a second pool that never
 * queues: a worker free there takes the record's children, else the thread that wrote the record runs them itself.
 * So a deep tree does not load one request after another in a single worker (each retry's wait adding to the whole
 * crawl), and no worker ever waits for a task queued behind others that wait: the waits form a tree of running tasks,
 * which cannot deadlock. The request slots still bound what is in flight. The record's cursor is stored only when
 * all its child runs loaded everything.
 */
final class FanOut {

    private final ResourceCatalog catalog;
    private final RecordSink sink;
    private final Runs runs;
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> deeperPools = new ConcurrentHashMap<>();

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
        if (catalog.children(run.spec.id(), run.load.resources()).isEmpty()) {
            below.run();
        } else if (run.ownsBatch) {
            run.fanningOut(pool(exchange.getContext(), run.spec.source()).submit(below));
        } else {
            try {
                run.fanningOut(deeperPool(exchange.getContext(), run.spec.source()).submit(below));
            } catch (RejectedExecutionException everyWorkerBusy) {
                below.run();
            }
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

    /** The source's fan-out pool for root records, shut down with the Camel context. */
    private ExecutorService pool(CamelContext context, String source) {
        return pools.computeIfAbsent(source, s -> context.getExecutorServiceManager()
                .newFixedThreadPool(this, "chatload-" + s + "-fan-out", workers(s)));
    }

    /**
     * The source's fan-out pool for deeper records: no queue (a hand-off, Camel's {@code maxQueueSize} 0), and a task
     * no worker is free for is refused, for {@link #below} to run it itself: a task is running from the moment it is
     * handed over. (Refused rather than run by the pool's caller-runs policy, which drops a task once the pool is shut
     * down, leaving its future never done. One core thread: with none, Camel makes a hand-off pool of one thread.)
     */
    private ExecutorService deeperPool(CamelContext context, String source) {
        return deeperPools.computeIfAbsent(source, s -> context.getExecutorServiceManager().newThreadPool(this,
                "chatload-" + s + "-fan-out-below", new ThreadPoolProfileBuilder("chatload-" + s + "-fan-out-below")
                        .poolSize(1).maxPoolSize(workers(s)).maxQueueSize(0).keepAliveTime(60L, TimeUnit.SECONDS)
                        .rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build()));
    }

    private int workers(String source) {
        return catalog.sourceConfig(source).concurrency() * RequestSlots.WORKERS_PER_SLOT;
    }
}
