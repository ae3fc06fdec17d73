package io.chatload.routes;

import io.chatload.config.SourceConfig;
import io.chatload.load.Destination;
import io.chatload.load.LoadBatch;
import io.chatload.load.QueryResult;
import io.chatload.load.StateEntry;
import io.chatload.source.Paginator;
import io.chatload.source.Paginators;
import io.chatload.source.PagingContext;
import io.chatload.source.RateLimits;
import io.chatload.source.ResponseParser;
import io.chatload.source.RetryPolicy;
import io.chatload.source.Urls;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors of {@link LoadRoutes}: begin a resource run, prepare each request, read each page, hand each record
 * to the batch and to the child resources, and finish or fail the run. A root run opens the batch its whole tree
 * shares, so a parent's cursor commits with its children's rows; outcomes go to the run's {@link Load}, and a
 * scheduled firing owns its load and reports the summary itself.
 */
public final class ResourceRunner {

    /** Exchange property: the resource id ({@code chaport.visitors}) to run. */
    public static final String RESOURCE = "chatloadResource";
    /** Exchange property: the {@link Load} this run belongs to; absent for a scheduled firing, which starts its own. */
    public static final String LOAD = "chatloadLoad";
    /** Exchange property: the parent record (a Map) a child resource runs for. */
    public static final String PARENT = "chatloadParent";
    /**
     * Exchange property: a path, with {@code {parent.field}} placeholders, that replaces the resource's own for this
     * run; the webhook receiver fetches one chat by id through the chats resource so, writing what a poll writes.
     */
    public static final String PATH = "chatloadPath";
    static final String BATCH = "chatloadBatch";
    /**
     * Exchange property, true after a run that failed or did not load all it covers (a run below it failed, or its
     * paging stopped at maxPages): its parent then keeps its cursor where it was.
     */
    public static final String FAILED = "chatloadFailed";
    static final String RUN = "chatloadRun";
    static final String OWNS_LOAD = "chatloadOwnsLoad";
    static final String HTTP_COMPONENT = "chatloadHttp";
    static final String SOURCE = "chatloadSource";
    private static final String QUEUED_AT = "chatloadQueuedAt";

    private static final int MAX_PAGES = 100_000;
    private static final Logger RETRIES = LoggerFactory.getLogger("io.chatload.retry");
    /** State value of a query row whose request answered 404. */
    private static final String GONE = "gone";
    /** SQLStates of "no such table" (H2, MariaDB; PostgreSQL). */
    private static final java.util.Set<String> MISSING_TABLE = java.util.Set.of("42S02", "42P01");

    private final ResourceCatalog catalog;
    private final ChildRuns children;
    private final Destination destination;
    private final int batchSize;
    private final Consumer<LoadSummary> scheduledLoads;
    private final ResponseParser parser;
    private final RetryPolicy retry;
    private volatile ResourceMetrics metrics;
    /** Applied to every record before it is written; chatload's routes mask webhook secrets with it. */
    private volatile Consumer<Map<String, Object>> recordFilter = record -> { };
    /** Root runs in progress, for the progress lines of long crawls. */
    private final java.util.Set<ResourceRun> active = ConcurrentHashMap.newKeySet();

    public ResourceRunner(ResourceCatalog catalog, Destination destination, int batchSize, ResponseParser parser,
                          RetryPolicy retry, Consumer<LoadSummary> scheduledLoads) {
        this.catalog = catalog;
        this.children = new ChildRuns(catalog);
        this.retry = retry;
        this.parser = parser;
        this.destination = destination;
        this.batchSize = batchSize;
        this.scheduledLoads = scheduledLoads;
    }

    void begin(Exchange exchange) throws SQLException {
        ResourceSpec spec = catalog.get(exchange.getProperty(RESOURCE, String.class));
        Load load = exchange.getProperty(LOAD, Load.class);
        if (load == null) {
            load = new Load(destination.ledger(), catalog.select(List.of()), false);
            exchange.setProperty(LOAD, load);
            exchange.setProperty(OWNS_LOAD, true);
        }
        if (load.refused(spec.source())) {
            throw new ResourceSkipped("skipped: the API refused " + catalog.sourceConfig(spec.source()).credentialProperty()
                    + " earlier in this load");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = exchange.getProperty(PARENT, Map.of(), Map.class);
        LoadBatch batch = exchange.getProperty(BATCH, LoadBatch.class);
        boolean ownsBatch = batch == null;
        load.touch(spec.schema());
        if (ownsBatch) {
            batch = destination.batch(load.id(), batchSize);
        }
        batch.use(spec.target()); // a REPLACE resource that returns no records still empties its table
        Map<String, String> cursors = load.cursors(spec, destination.state());
        if (spec.parentQuery() != null && parent.isEmpty()) {
            // the query's rows are the parents: this run only drives one run per row (runQueryParents)
            ResourceRun driver = new ResourceRun(spec, load, batch, ownsBatch, parent, "", cursors, null, null);
            driver.queryRows(queryRows(spec));
            exchange.setProperty(RUN, driver);
            return;
        }
        String scope = scope(spec, parent);
        String path = PathTemplate.render(exchange.getProperty(PATH, spec.path(), String.class), parent);
        SourceConfig source = catalog.sourceConfig(spec.source());
        Paging paging = spec.paging();
        Load warnings = load;
        Paginator paginator = Paginators.create(paging.paginator(), new PagingContext(source.baseUrl(), paging.pageParam(),
                paging.pageSizeParam(), paging.pageSize(), paging.maxPages(), notDone(spec, scope, cursors, load),
                warning -> warnings.warn(spec.id() + ": " + warning)));
        URI first = paginator.first(Urls.resolve(source.baseUrl(), path));
        ResourceRun run = new ResourceRun(spec, load, batch, ownsBatch, parent, scope, cursors, paginator, first);
        exchange.setProperty(RUN, run);
        if (ownsBatch) {
            active.add(run);
        }
        exchange.setProperty(HTTP_COMPONENT, spec.httpComponent());
        exchange.setProperty(SOURCE, spec.source());
    }

    private List<Map<String, Object>> queryRows(ResourceSpec spec) throws SQLException {
        QueryResult result;
        try {
            result = destination.query(spec.parentQuery().sql(), Integer.MAX_VALUE);
        } catch (SQLException e) {
            if (MISSING_TABLE.contains(e.getSQLState())) {
                return List.of(); // nothing loaded yet that the query could find
            }
            throw e;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(result.columns().get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Runs a query-driven resource once per row of its query, in the driver's batch. */
    void runQueryParents(Exchange exchange) {
        ResourceRun driver = run(exchange);
        if (driver.queryRows() == null) {
            return;
        }
        for (Map<String, Object> row : driver.queryRows()) {
            if (!driver.load.fullRefresh() && GONE.equals(driver.cursors.get(scope(driver.spec, row)))) {
                continue; // answered 404 before: not asked again
            }
            if (!children.run(exchange, driver, LoadRoutes.RUN, driver.spec.id(), row)) {
                driver.childFailed();
            }
        }
    }

    /** A per-parent run's scope: the key values its parent gives (e.g. the visitor id of a visitor's chats). */
    private static String scope(ResourceSpec spec, Map<String, Object> parent) {
        if (spec.parentQuery() != null) {
            return String.join("/", parent.values().stream().map(String::valueOf).toList());
        }
        if (!spec.isChild()) {
            return "";
        }
        StringJoiner scope = new StringJoiner("/");
        spec.parent().fields().forEach((child, parentField) -> {
            if (spec.primaryKey().contains(child)) {
                scope.add(String.valueOf(Records.field(parent, parentField)));
            }
        });
        return scope.toString();
    }

    /** Follow-up URLs (links.more) of records marked done before are not fetched again: the URL ends with the id. */
    private static Predicate<URI> notDone(ResourceSpec spec, String scope, Map<String, String> cursors, Load load) {
        if (load.fullRefresh() || spec.incremental() == null || spec.incremental().doneField() == null) {
            return url -> true;
        }
        return url -> {
            String path = url.getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            return !Incremental.DONE.equals(cursors.get(scope.isEmpty() ? id : scope + "/" + id));
        };
    }

    /** Sets the change every record undergoes before it is written, e.g. masking a secret an API echoes back. */
    public void filterRecords(Consumer<Map<String, Object>> filter) {
        this.recordFilter = filter;
    }

    /** Whether the run follows the URLs its pages name ({@code links_more}): the Dynamic Router's work. */
    public boolean followsLinks(Exchange exchange) {
        return "links_more".equals(run(exchange).spec.paging().paginator().type());
    }

    /** The Dynamic Router's choice after each hop: the next page, or stop. */
    public String nextPage(Exchange exchange) {
        return hasNextPage(exchange) ? LoadRoutes.PAGE : null;
    }

    /** The page loop's test before each page: whether the paginator named one. */
    public boolean hasNextPage(Exchange exchange) {
        ResourceRun run = run(exchange);
        if (run.next() == null) {
            return false;
        }
        if (run.requests() >= MAX_PAGES) {
            throw new IllegalStateException("stopped after " + MAX_PAGES + " pages: the API keeps naming a next page");
        }
        return true;
    }

    /** Whether the page's 404 leaves that page out alone (a links.more URL whose chat is gone), the run going on. */
    boolean skipsNotFound(Exchange exchange) {
        ResourceRun run = run(exchange);
        return ErrorMessages.httpStatus(failure(exchange)) == 404 && run.paginator.skipsNotFound(run.current());
    }

    /** Leaves the current page out, with a warning naming it: no records from it, the paginator's next page after it. */
    void skipNotFound(Exchange exchange) {
        ResourceRun run = run(exchange);
        run.load.warn(ErrorMessages.skippedNotFound(run.spec, run.current()));
        run.pageRead(run.paginator.afterNotFound(run.current()));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(List.of());
    }

    /** Whether the page's last failure is worth another try, and tries are left. */
    public boolean worthAnotherTry(Exchange exchange) {
        ResourceRun run = run(exchange);
        return run != null && run.triesOfPage() < retry.maxAttempts() && retry.retryable(failure(exchange));
    }

    /** Before a retry of a page: one line saying what failed and which try comes. */
    void retrying(Exchange exchange) {
        ResourceRun run = run(exchange);
        RETRIES.info("{}: retrying (try {} of {})", ErrorMessages.whatHappened(run.spec, run.current(), failure(exchange)),
                run.triesOfPage() + 1, retry.maxAttempts());
        run.retried();
        metrics(exchange).retry(run.spec);
    }

    private static Exception failure(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** After the API's request budget let the request through: a wait of over a millisecond is counted. */
    void passedRateLimit(Exchange exchange, RateLimits rateLimits) {
        String api = exchange.getProperty(SOURCE, String.class);
        long waitedNanos = System.nanoTime() - exchange.getProperty(QUEUED_AT, System.nanoTime(), Long.class);
        if (rateLimits.limited(api) && waitedNanos > 1_000_000) {
            metrics(exchange).rateLimitWait(api, java.time.Duration.ofNanos(waitedNanos));
        }
    }

    void startPage(Exchange exchange) {
        run(exchange).startPage();
    }

    /** Sets the request up from the run alone, so that a retry of the fetch starts from the same state. */
    void prepareRequest(Exchange exchange) {
        ResourceRun run = run(exchange);
        URI uri = run.attempt();
        metrics(exchange).request(run.spec);
        exchange.setProperty(QUEUED_AT, System.nanoTime());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, uri.toString());
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
    }

    void readPage(Exchange exchange) throws Exception {
        ResourceRun run = run(exchange);
        InputStream stream = exchange.getMessage().getMandatoryBody(InputStream.class);
        String contentType = exchange.getMessage().getHeader("Content-Type", String.class);
        Map<String, Object> headers = new java.util.HashMap<>(exchange.getMessage().getHeaders()); // Link may name the next page
        // read once, here: a body left on a failed exchange would be read again by the stream cache of the route above
        exchange.getMessage().setBody(null);
        exchange.getMessage().removeHeaders("*");
        Object body = parser.parse(stream, contentType);
        List<Map<String, Object>> records = run.spec.dataSelector().select(body, Paginators.pagesAList(run.spec.paging().paginator()));
        URI next = run.paginator.next(run.current(), body, records, headers);
        run.pageRead(reachedWatermark(run, records) ? null : next);
        exchange.getMessage().setBody(records);
    }

    /** A list sorted newest first needs no further page once it reaches records the last run saw. */
    private static boolean reachedWatermark(ResourceRun run, List<Map<String, Object>> records) {
        Incremental inc = run.spec.incremental();
        String watermark = run.cursors.get(run.scope);
        if (inc == null || !inc.sortedByCursor() || watermark == null || run.load.fullRefresh()) {
            return false;
        }
        return records.stream().map(r -> Records.field(r, inc.cursorField()))
                .anyMatch(c -> c != null && Records.compareCursors(c.toString(), watermark) <= 0);
    }

    void sink(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getMessage().getBody(Map.class);
        ResourceRun run = run(exchange);
        ResourceSpec spec = run.spec;
        if (spec.isChild()) {
            spec.parent().fields().forEach((child, parentField) -> record.put(child, Records.field(run.parent, parentField)));
        }
        spec.excludeFields().forEach(record::remove);
        recordFilter.accept(record);
        String key = Records.key(record, spec.primaryKey());
        Incremental inc = spec.incremental();
        Object cursorValue = inc == null || !inc.hasCursor() ? null : Records.field(record, inc.cursorField());
        String cursor = cursorValue == null ? null : cursorValue.toString();
        if (cursor != null) {
            run.sawCursor(cursor);
            if (!run.load.fullRefresh() && cursor.equals(run.cursors.get(key))) {
                return; // unchanged since the last run, and so is everything below it
            }
        }
        run.batch.add(spec.target(), record);
        run.written();
        metrics(exchange).record(spec);
        Runnable below = () -> {
            if (!children.runAll(exchange, run, record)) {
                run.childFailed();
                return; // no cursor: the next run fetches this record's children again
            }
            if (cursor != null) {
                run.batch.addState(spec.schema(), new StateEntry(spec.name(), key, cursor));
            }
            if (inc != null && inc.isDone(record)) {
                run.batch.addState(spec.schema(), new StateEntry(spec.name(), key, Incremental.DONE));
            }
        };
        if (run.ownsBatch && children.hasChildren(run)) {
            // a root's records fan out in parallel, bounded per source; deeper levels run in that worker
            run.fanningOut(children.pool(exchange, spec.source()).submit(below));
        } else {
            below.run();
        }
    }

    /** Ends a page once the child runs of the page before's records have; this page's may go on meanwhile. */
    void pageFannedOut(Exchange exchange) throws Exception {
        run(exchange).pageFannedOut();
    }

    private ResourceMetrics metrics(Exchange exchange) {
        if (metrics == null) {
            metrics = new ResourceMetrics(exchange.getContext());
        }
        return metrics;
    }

    /** One line per root run in progress: pages, rows written by its tree, rows per second. */
    public java.util.List<String> progress() {
        return active.stream().map(ResourceRun::progress).sorted().toList();
    }

    void complete(Exchange exchange) throws Exception {
        ResourceRun run = run(exchange);
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
        if (!run.loadedAll()) {
            // this run did its own part, but its parent must not store a cursor that would skip what is missing
            exchange.setProperty(FAILED, true);
        }
        end(exchange, run.outcome(null));
    }

    void fail(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ResourceRun run = run(exchange);
        ResourceSpec spec = catalog.get(exchange.getProperty(RESOURCE, String.class));
        if (run == null) {
            exchange.setProperty(FAILED, true);
            end(exchange, ResourceOutcome.failedToStart(spec, spec.id() + ": "
                    + (e instanceof ResourceSkipped ? e.getMessage() : "could not start: " + ErrorMessages.describe(e))));
            return;
        }
        try {
            run.awaitFanOuts(); // the page's child runs finish before the batch is flushed
        } catch (Exception childError) {
            run.childFailed();
        }
        String error = ErrorMessages.forResource(spec, run.current(), catalog.sourceConfig(spec.source()), e);
        if (!run.parent.isEmpty() && ErrorMessages.httpStatus(e) == 404) {
            // the parent's record points at something the API no longer has (or never had, as a team id)
            run.load.warn(ErrorMessages.skippedNotFound(spec, run.current()));
            if (spec.parentQuery() != null) {
                run.batch.addState(spec.schema(), new StateEntry(spec.name(), run.scope, GONE));
            }
            end(exchange, run.outcome(null));
            return;
        }
        exchange.setProperty(FAILED, true);
        int status = ErrorMessages.httpStatus(e);
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
        end(exchange, run.outcome(error));
    }

    private void end(Exchange exchange, ResourceOutcome outcome) {
        Load load = exchange.getProperty(LOAD, Load.class);
        load.record(outcome);
        metrics(exchange).outcome(outcome);
        ResourceRun run = run(exchange);
        if (run != null && run.ownsBatch) {
            active.remove(run);
        }
        if (exchange.getProperty(OWNS_LOAD, false, Boolean.class)) {
            scheduledLoads.accept(load.finish(destination.state()));
        }
    }

    /** A resource that does not run in this load, for a reason its message gives. */
    static final class ResourceSkipped extends RuntimeException {
        ResourceSkipped(String message) {
            super(message);
        }
    }

    private static ResourceRun run(Exchange exchange) {
        return exchange.getProperty(RUN, ResourceRun.class);
    }
}
