package io.chatload.engine;

import io.chatload.load.Destination;
import io.chatload.load.LoadBatch;
import io.chatload.load.StateEntry;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import io.chatload.source.Paginator;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * A run's beginning and end: opens the {@link ResourceRun} from the {@link RunRequest} (a root run opens the batch
 * its whole tree shares, so a parent's cursor commits with its children's rows), and ends it with a
 * {@link RunOutcome}: completed (watermark stored, the root's batch completed) or failed (one clear line; rows
 * written before stay). Outcomes go to the run's {@link Load} and to the metrics.
 */
final class RunLifecycle {

    /** State value of a query row whose request answered 404. */
    static final String GONE = "gone";

    private final ResourceCatalog catalog;
    private final Destination destination;
    private final int batchSize;
    private final PageRequests pages;
    private final QueryParents queryParents;
    private final ResourceMetrics metrics;
    /** Root runs in progress, for the progress lines of long crawls. */
    private final Set<ResourceRun> active = ConcurrentHashMap.newKeySet();

    RunLifecycle(ResourceCatalog catalog, Destination destination, int batchSize, PageRequests pages,
                 QueryParents queryParents, ResourceMetrics metrics) {
        this.catalog = catalog;
        this.destination = destination;
        this.batchSize = batchSize;
        this.pages = pages;
        this.queryParents = queryParents;
        this.metrics = metrics;
    }

    void begin(Exchange exchange) throws Exception {
        RunRequest request = exchange.getMessage().getMandatoryBody(RunRequest.class);
        exchange.setProperty(RunExchange.REQUEST, request);
        ResourceSpec spec = catalog.get(request.resource());
        Load load = request.load();
        if (load.refused(spec.source())) {
            throw new ResourceSkipped("skipped: the API refused " + catalog.sourceConfig(spec.source()).credentialProperty()
                    + " earlier in this load");
        }
        Map<String, Object> parent = request.parent();
        boolean ownsBatch = request.above() == null;
        load.touch(spec.schema());
        LoadBatch batch = ownsBatch ? destination.batch(load.id(), batchSize) : request.above().batch;
        batch.use(spec.target()); // a REPLACE resource that returns no records still empties its table
        Map<String, String> cursors = load.cursors(spec, destination.state());
        if (spec.parentQuery() != null && parent.isEmpty()) {
            // the query's rows are the parents: this run only drives one run per row (QueryParents)
            ResourceRun driver = new ResourceRun(spec, load, batch, ownsBatch, parent, "", cursors, null, null);
            driver.queryRows(queryParents.rows(spec));
            exchange.setProperty(RunExchange.RUN, driver);
            return;
        }
        String scope = ResourceRun.scope(spec, parent);
        Paginator paginator = pages.paginator(spec, scope, cursors, load);
        URI first = paginator.first(pages.url(spec, request.path(), parent));
        ResourceRun run = new ResourceRun(spec, load, batch, ownsBatch, parent, scope, cursors, paginator, first);
        exchange.setProperty(RunExchange.RUN, run);
        if (ownsBatch) {
            active.add(run);
        }
        exchange.setProperty(RunExchange.HTTP_COMPONENT, spec.httpComponent());
        exchange.setProperty(RunExchange.API, spec.source());
    }

    /** One line per root run in progress: pages, rows written by its tree, rows per second. */
    List<String> progress() {
        return active.stream().map(ResourceRun::progress).sorted().toList();
    }

    void complete(Exchange exchange) throws Exception {
        ResourceRun run = RunExchange.run(exchange);
        run.awaitFanOuts(); // the last pages' child runs: their failures decide the watermark
        String watermark = run.newWatermark();
        if (watermark != null) {
            run.batch.addState(run.spec.schema(), new StateEntry(run.spec.name(), run.scope, watermark));
        }
        if (run.ownsBatch) {
            run.batch.complete();
            // once per table and run: what the schema contracts left out of the tree's tables
            run.batch.contractNotes().forEach(note -> run.load.warn(run.spec.id() + ": " + note));
        }
        // when not all loaded, this run did its own part, but its parent must not store a cursor that would skip the rest
        end(exchange, run.outcome(null), run.loadedAll());
    }

    void fail(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ResourceRun run = RunExchange.run(exchange);
        RunRequest request = exchange.getProperty(RunExchange.REQUEST, RunRequest.class);
        ResourceSpec spec = catalog.get(request.resource());
        if (run == null) {
            end(exchange, ResourceOutcome.failedToStart(spec, spec.id() + ": "
                    + (e instanceof ResourceSkipped ? e.getMessage() : "could not start: " + ErrorMessages.describe(e))), false);
            return;
        }
        try {
            run.awaitFanOuts(); // the page's child runs finish before the batch is flushed
        } catch (Exception childError) {
            run.childFailed();
        }
        String error = ErrorMessages.forResource(spec, run.current(), catalog.sourceConfig(spec.source()), e);
        int status = ErrorMessages.httpStatus(e);
        if (!run.parent.isEmpty() && status == 404) {
            // the parent's record points at something the API no longer has (or never had, as a team id)
            run.load.warn(ErrorMessages.skippedNotFound(spec, run.current()));
            if (spec.parentQuery() != null) {
                run.batch.addState(spec.schema(), new StateEntry(spec.name(), run.scope, GONE));
            }
            end(exchange, run.outcome(null), true);
            return;
        }
        if (status == 401 || status == 403) {
            run.load.refuse(spec.source());
        }
        if (run.ownsBatch) {
            try {
                run.batch.flush(); // keep the rows fetched before the failure, with the cursors that cover them
            } catch (SQLException | RuntimeException flushError) {
                error += "; the last batch could not be written either: " + ErrorMessages.describe(flushError);
            }
        }
        end(exchange, run.outcome(error), false);
    }

    private void end(Exchange exchange, ResourceOutcome outcome, boolean complete) {
        exchange.getProperty(RunExchange.REQUEST, RunRequest.class).load().record(outcome);
        metrics.outcome(outcome);
        ResourceRun run = RunExchange.run(exchange);
        if (run != null && run.ownsBatch) {
            active.remove(run);
        }
        exchange.getMessage().setBody(new RunOutcome(outcome, complete, null));
    }

    /** A resource that does not run in this load, for a reason its message gives. */
    static final class ResourceSkipped extends RuntimeException {
        ResourceSkipped(String message) {
            super(message);
        }
    }
}
