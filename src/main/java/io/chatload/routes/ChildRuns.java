package io.chatload.routes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Runs the resources below a record: each child resource's route once per parent record, synchronously and in the
 * batch of the tree, and for a root's records on a bounded pool per source, so several parents fan out at once.
 */
final class ChildRuns {

    private final ResourceCatalog catalog;
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();
    private volatile ProducerTemplate producer;

    ChildRuns(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    boolean hasChildren(ResourceRun run) {
        return !catalog.children(run.spec.id(), run.load.resources()).isEmpty();
    }

    /** Runs every child resource of the load for one parent record; true when all succeeded. */
    boolean runAll(Exchange exchange, ResourceRun run, Map<String, Object> record) {
        boolean succeeded = true;
        for (ResourceSpec child : catalog.children(run.spec.id(), run.load.resources())) {
            succeeded &= run(exchange, run, ResourceCatalog.childEndpoint(child.id()), child.id(), record);
        }
        return succeeded;
    }

    /** One per-parent run through {@code endpoint}; true when it did not fail. */
    boolean run(Exchange exchange, ResourceRun run, String endpoint, String resource, Map<String, Object> parent) {
        Exchange result = producer(exchange).send(endpoint, e -> {
            e.setProperty(ResourceRunner.RESOURCE, resource);
            e.setProperty(ResourceRunner.LOAD, run.load);
            e.setProperty(ResourceRunner.PARENT, parent);
            e.setProperty(ResourceRunner.BATCH, run.batch);
        });
        return result.getException() == null && !result.getProperty(ResourceRunner.FAILED, false, Boolean.class);
    }

    /** The source's fan-out pool: {@code chatload.<source>.concurrency} threads, shut down with the Camel context. */
    ExecutorService pool(Exchange exchange, String source) {
        return pools.computeIfAbsent(source, s -> exchange.getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "chatload-" + s + "-fan-out", catalog.sourceConfig(s).concurrency()));
    }

    private ProducerTemplate producer(Exchange exchange) {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = exchange.getContext().createProducerTemplate();
                }
            }
        }
        return producer;
    }
}
