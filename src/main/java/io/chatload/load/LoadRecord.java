package io.chatload.load;

import java.time.Instant;
import java.util.Map;

/** One row of {@code _chatload_loads}. finishedAt and error may be null. */
public record LoadRecord(String loadId, String schema, LoadStatus status, Instant startedAt, Instant finishedAt,
                         Map<String, Long> rowsPerTable, String error) {
}
