package io.chatload.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

/** Reads the fields of a body sent to an outbox's {@code direct:} endpoint, with one clear error per bad field. */
public final class RequestFields {
    private final String endpoint;
    private final Map<?, ?> body;

    public RequestFields(String endpoint, Map<?, ?> body) {
        this.endpoint = endpoint;
        this.body = body;
    }

    public String requiredText(String key) {
        String value = text(key);
        if (value == null) {
            throw bad(key, "is required and must be a non-empty string");
        }
        return value;
    }

    public String text(String key) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof Iterable) {
            throw bad(key, "must be a string");
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }

    public long requiredInteger(String key) {
        Object value = body.get(key);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s && s.trim().matches("-?\\d{1,18}")) {
            return Long.parseLong(s.trim());
        }
        throw bad(key, value == null ? "is required and must be an integer" : "must be an integer, got '" + value + "'");
    }

    /** An ISO-8601 instant such as {@code 2026-01-23T17:33:30.000Z}, or a date-time object; null when absent. */
    public OffsetDateTime timestamp(String key) {
        Object value = body.get(key);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw bad(key, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-23T17:33:30Z, got '" + value
                    + "'");
        }
    }

    /** Epoch milliseconds of a timestamp as JDBC drivers return it, or null. */
    public static Long epochMillis(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toEpochMilli();
        }
        if (value instanceof Timestamp t) {
            return t.getTime();
        }
        if (value instanceof Instant t) {
            return t.toEpochMilli();
        }
        return null;
    }

    private IllegalArgumentException bad(String key, String problem) {
        return new IllegalArgumentException(endpoint + ": body field '" + key + "' " + problem);
    }
}
