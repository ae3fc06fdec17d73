package io.chatload.routes;

import java.time.Duration;
import java.util.Map;

/** What one resource run did: requests, rows per table, time, and the one-line error if it failed. */
public record ResourceOutcome(String resource, String schema, int requests, Map<String, Long> rowsPerTable,
                              Duration duration, String error) {

    public boolean failed() {
        return error != null;
    }

    /** Two runs of the same resource (a child runs once per parent record) as one outcome. */
    ResourceOutcome plus(ResourceOutcome other) {
        Map<String, Long> rows = new java.util.TreeMap<>(rowsPerTable);
        other.rowsPerTable.forEach((t, n) -> rows.merge(t, n, Long::sum));
        return new ResourceOutcome(resource, schema, requests + other.requests, rows, duration.plus(other.duration),
                error == null ? other.error : error);
    }

    public long rows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
