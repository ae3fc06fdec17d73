package io.chatload.routes;

import java.time.Duration;
import java.util.Map;

/** What one resource run did: requests, rows per table, time, and the one-line error if it failed. */
public record ResourceOutcome(String resource, String schema, int requests, Map<String, Long> rowsPerTable,
                              Duration duration, String error) {

    public boolean failed() {
        return error != null;
    }

    public long rows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
