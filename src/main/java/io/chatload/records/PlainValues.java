package io.chatload.records;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * A column value as a record's body carries it: what any JSON library writes without help. Text, numbers, booleans and
 * nulls stay as the driver gives them; timestamps become ISO-8601 text in UTC ({@code 2026-01-01T10:00:00Z}), alike on
 * every database, since Jackson without its java.time module refuses them and drivers differ in the offset they give.
 */
final class PlainValues {

    private PlainValues() {
    }

    static Object plain(Object value) {
        if (value instanceof OffsetDateTime timestamp) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof TemporalAccessor other) {
            return other.toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        return value;
    }
}
