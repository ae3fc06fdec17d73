package io.chatload.engine;

import io.chatload.routes.ResourceSpec;
import io.chatload.text.PrintableText;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a resource did in one load: requests, records written to its table, time, and the first error if any of its
 * runs failed (a child resource runs once per parent record; {@code failures} counts the failed runs).
 * {@code rowsPerTable} is filled for root resources only: every table their tree wrote, child tables included.
 */
public record ResourceOutcome(String resource, String schema, int requests, long records, Map<String, Long> rowsPerTable,
                              Duration duration, String error, int failures) {

    /** The error quotes what the API answered: kept escaped, as the summary, the logs and the ledger print it. */
    public ResourceOutcome {
        error = PrintableText.escape(error);
    }

    static ResourceOutcome failedToStart(ResourceSpec spec, String error) {
        return new ResourceOutcome(spec.id(), spec.schema(), 0, 0, Map.of(), Duration.ZERO, error, 1);
    }

    public boolean failed() {
        return failures > 0;
    }

    /** Two runs of the same resource as one outcome. */
    ResourceOutcome plus(ResourceOutcome other) {
        Map<String, Long> rows = new TreeMap<>(rowsPerTable);
        other.rowsPerTable.forEach((t, n) -> rows.merge(t, n, Long::sum));
        return new ResourceOutcome(resource, schema, requests + other.requests, records + other.records, rows,
                duration.plus(other.duration), error == null ? other.error : error, failures + other.failures);
    }

    public long rows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
