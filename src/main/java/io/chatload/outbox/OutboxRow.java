package io.chatload.outbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of an outbox table as read: column (dlt name, lower case) to value. */
public record OutboxRow(long id, Map<String, Object> values) {

    public OutboxRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String column) {
        return values.get(column);
    }

    /** The value as text; null when the column is null or blank. */
    public String text(String column) {
        Object value = values.get(column);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** When the row was inserted: the common {@code created_at} column. */
    public Object createdAt() {
        return values.get(OutboxTable.CREATED_AT);
    }

    public Long number(String column) {
        return values.get(column) instanceof Number n ? n.longValue() : null;
    }

    public int attempts() {
        Long attempts = number(OutboxTable.ATTEMPTS);
        return attempts == null ? 0 : attempts.intValue();
    }
}
