package io.chatload.engine;

import io.chatload.load.LoadBatch;
import io.chatload.routes.Records;
import io.chatload.routes.ResourceSpec;
import io.chatload.source.Paginator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The state of one resource run while its pages flow, carried in an exchange property from page to page. A child
 * resource has one run per parent record; it shares the batch of its root's run. Its parts change it from the
 * threads of its pages and, for {@link #childFailed} and the fan-outs, from the fan-out pool.
 */
final class ResourceRun {

    final ResourceSpec spec;
    final Load load;
    final LoadBatch batch;
    /** Whether this run opened the batch (a root run) and so completes it. */
    final boolean ownsBatch;
    /** The parent record, or an empty map for a root run. */
    final Map<String, Object> parent;
    /** The state key of what this run covers: the parent's record key, "" for a root run. */
    final String scope;
    /** This resource's stored cursors by record key (and "" for the watermark), as the load found them. */
    final Map<String, String> cursors;
    final Paginator paginator;
    private final Instant started = Instant.now();
    private final Set<URI> fetched = new HashSet<>();
    private URI next;
    private URI current;
    private int requests;
    private int retries;
    private int triesOfPage;
    private long records;
    private String highestCursor;
    private volatile boolean childFailed;
    /** Fan-outs of the current page on the source's pool (root runs only). */
    private List<Future<?>> fanOuts = new ArrayList<>();
    /** Fan-outs of the page before, which may still run while this page is fetched and fans out. */
    private List<Future<?>> previousFanOuts = List.of();
    private List<Map<String, Object>> queryRows;

    ResourceRun(ResourceSpec spec, Load load, LoadBatch batch, boolean ownsBatch, Map<String, Object> parent,
                String scope, Map<String, String> cursors, Paginator paginator, URI first) {
        this.spec = spec;
        this.load = load;
        this.batch = batch;
        this.ownsBatch = ownsBatch;
        this.parent = parent;
        this.scope = scope;
        this.cursors = cursors;
        this.paginator = paginator;
        this.next = first;
    }

    /** A per-parent run's scope: the key values its parent gives (e.g. the visitor id of a visitor's chats). */
    static String scope(ResourceSpec spec, Map<String, Object> parent) {
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

    URI next() {
        return next;
    }

    /** Moves to the next page; a URL already fetched in this run is a loop in the API's paging and ends the run. */
    void startPage() {
        if (!fetched.add(next)) {
            throw new IllegalStateException("the API's paging returned to " + next.getRawPath() + " again");
        }
        current = next;
        next = null;
        triesOfPage = 0;
    }

    /** Counts one HTTP request for the current page: the first try or a retry; none once the load is stopped. */
    URI attempt() {
        load.checkRunning();
        requests++;
        triesOfPage++;
        return current;
    }

    int triesOfPage() {
        return triesOfPage;
    }

    void retried() {
        retries++;
    }

    int requests() {
        return requests;
    }

    URI current() {
        return current;
    }

    void pageRead(URI nextPage) {
        next = nextPage;
    }

    void written() {
        records++;
    }

    void sawCursor(String cursor) {
        if (highestCursor == null || Records.compareCursors(cursor, highestCursor) > 0) {
            highestCursor = cursor;
        }
    }

    /** The new watermark to store, or null: none seen, not higher, or the run did not load all it covers. */
    String newWatermark() {
        String old = cursors.get(scope);
        if (!loadedAll() || highestCursor == null || (old != null && Records.compareCursors(highestCursor, old) <= 0)) {
            return null;
        }
        return highestCursor;
    }

    /** For a query-driven resource's driver run: the parent rows its query found. */
    void queryRows(List<Map<String, Object>> rows) {
        queryRows = rows;
    }

    List<Map<String, Object>> queryRows() {
        return queryRows;
    }

    synchronized void fanningOut(Future<?> fanOut) {
        fanOuts.add(fanOut);
    }

    /**
     * Ends a page: the page before's fan-outs must have ended; this page's may go on while the next page is fetched,
     * so the workers do not idle at each page's tail. At most two pages' fan-outs are pending at a time.
     */
    void pageFannedOut() throws InterruptedException, ExecutionException {
        List<Future<?>> older;
        synchronized (this) {
            older = previousFanOuts;
            previousFanOuts = fanOuts;
            fanOuts = new ArrayList<>();
        }
        awaitAll(older);
    }

    /** Waits for every fan-out: the run ends (and its watermark is stored) only when every child run of its records has. */
    void awaitFanOuts() throws InterruptedException, ExecutionException {
        List<Future<?>> older;
        List<Future<?>> latest;
        synchronized (this) {
            older = previousFanOuts;
            latest = fanOuts;
            previousFanOuts = List.of();
            fanOuts = new ArrayList<>();
        }
        try {
            awaitAll(older);
        } finally {
            awaitAll(latest); // even when an older one failed: nothing may still run when the batch is flushed
        }
    }

    private static void awaitAll(List<Future<?>> fanOuts) throws InterruptedException, ExecutionException {
        ExecutionException first = null;
        for (Future<?> fanOut : fanOuts) {
            try {
                fanOut.get();
            } catch (ExecutionException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Whether this run loaded all it covers: no run below it failed, and its paging did not stop at maxPages. Only
     * then may a cursor (its own watermark, its parent's cursor) claim it; otherwise the next run asks again.
     */
    boolean loadedAll() {
        return !childFailed && (paginator == null || !paginator.stoppedAtMaxPages());
    }

    void childFailed() {
        childFailed = true;
    }

    /** A progress line: the resource, requests, rows its tree wrote so far, and the rate. */
    String progress() {
        long rows = batch.rowsPerTable(spec.schema()).values().stream().mapToLong(Long::longValue).sum();
        double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return String.format(java.util.Locale.ROOT, "%s: %d requests, %d rows, %.0f rows/s", spec.id(), requests, rows,
                rows / seconds);
    }

    ResourceOutcome outcome(String error) {
        return new ResourceOutcome(spec.id(), spec.schema(), requests, records,
                ownsBatch ? batch.rowsPerTable(spec.schema()) : Map.of(), Duration.between(started, Instant.now()),
                error, error == null ? 0 : 1);
    }
}
