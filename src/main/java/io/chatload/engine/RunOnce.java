package io.chatload.engine;

import io.chatload.load.Destination;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;

/**
 * A load run once ({@code run --once}, an embedding application's call): its root resources in parallel, each with
 * its whole tree, in waves so that a query-driven resource runs after those its {@code after} names; then the load
 * is finished and its summary returned.
 */
final class RunOnce {

    /** How many resources a once-run fetches at the same time. */
    private static final int PARALLEL_RESOURCES = 4;

    private final ResourceCatalog catalog;
    private final Destination destination;
    private final Runs runs;

    RunOnce(ResourceCatalog catalog, Destination destination, Runs runs) {
        this.catalog = catalog;
        this.destination = destination;
        this.runs = runs;
    }

    LoadSummary run(Load load) throws Exception {
        CamelContext context = runs.context();
        List<ResourceSpec> pending = new ArrayList<>(catalog.roots(load.resources()));
        Set<String> done = new HashSet<>();
        ExecutorService pool = context.getExecutorServiceManager().newFixedThreadPool(this, "chatload-run-once",
                Math.max(1, Math.min(PARALLEL_RESOURCES, pending.size())));
        try {
            while (!pending.isEmpty()) {
                List<ResourceSpec> ready = pending.stream().filter(spec -> ready(spec, load, done)).toList();
                List<ResourceSpec> wave = ready.isEmpty() ? List.copyOf(pending) : ready; // 'after' in a circle: run them
                List<Future<RunOutcome>> started = new ArrayList<>();
                for (ResourceSpec spec : wave) {
                    started.add(pool.submit(() -> runs.start(RunRequest.of(spec.id()).in(load))));
                }
                for (Future<RunOutcome> run : started) {
                    run.get(); // its outcome is in the load
                }
                wave.forEach(spec -> done.addAll(catalog.tree(spec.id())));
                pending.removeAll(wave);
            }
        } finally {
            context.getExecutorServiceManager().shutdown(pool);
        }
        return load.finish(destination.state());
    }

    /** Whether every resource a query-driven resource waits for has run (or is not part of this load). */
    private static boolean ready(ResourceSpec spec, Load load, Set<String> done) {
        return spec.parentQuery() == null || spec.parentQuery().after().stream()
                .allMatch(after -> done.contains(after) || !load.resources().contains(after));
    }
}
