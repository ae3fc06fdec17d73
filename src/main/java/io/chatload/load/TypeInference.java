package io.chatload.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The column type a JSON scalar asks for, and whether a value fits a column of another type. Widening is not a
 * clash: an integer fits a DOUBLE or DECIMAL column, any scalar fits TEXT (as its text), an ISO string fits
 * TIMESTAMP. Anything else is a clash and goes to a variant column.
 */
final class TypeInference {
    private static final int MAX_DECIMAL_DIGITS = 38;
    // ISO-8601 date-time with optional seconds/fraction and optional offset (Z, +03:00, +03); +0300 gets its colon first
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter();

    private TypeInference() {
    }

    /** The type of a non-null scalar (String, Number, Boolean or a java.time value). */
    static DataType infer(Object value) {
        if (value instanceof String s) {
            return timestamp(s) != null ? DataType.TIMESTAMP : DataType.TEXT;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return DataType.BIGINT;
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < Long.SIZE) {
                return DataType.BIGINT;
            }
            return big.abs().toString().length() <= MAX_DECIMAL_DIGITS ? DataType.DECIMAL : DataType.TEXT;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return DataType.DOUBLE;
        }
        if (value instanceof Boolean) {
            return DataType.BOOL;
        }
        if (value instanceof JsonValue) {
            return DataType.JSON;
        }
        if (value instanceof OffsetDateTime || value instanceof Instant || value instanceof ZonedDateTime
                || value instanceof LocalDateTime) {
            return DataType.TIMESTAMP;
        }
        return DataType.TEXT;
    }

    /** The value to bind into a column of type {@code column}, or empty when the value clashes with it. */
    static Optional<Object> coerce(Object value, DataType column) {
        if (column == DataType.TEXT) {
            return Optional.of(text(value)); // any scalar fits: no need to infer (and parse) its type
        }
        if (column == DataType.TIMESTAMP && value instanceof String s) {
            return Optional.ofNullable(timestamp(s)); // parsed once, not once to infer and again to bind
        }
        DataType type = infer(value);
        return switch (column) {
            case TEXT -> Optional.of(text(value));
            case BIGINT -> type == DataType.BIGINT ? Optional.of(((Number) value).longValue()) : Optional.empty();
            case DOUBLE -> type == DataType.BIGINT || type == DataType.DOUBLE
                    ? Optional.of(((Number) value).doubleValue()) : Optional.empty();
            case DECIMAL -> type == DataType.BIGINT || type == DataType.DECIMAL
                    ? Optional.of(new BigDecimal(value.toString())) : Optional.empty();
            case BOOL -> type == DataType.BOOL ? Optional.of(value) : Optional.empty();
            case TIMESTAMP -> type == DataType.TIMESTAMP ? Optional.of(toTimestamp(value)) : Optional.empty();
            case JSON -> type == DataType.JSON ? Optional.of(value) : Optional.empty();
        };
    }

    /** The text a scalar is stored as in a TEXT column. */
    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : Double.toString(d);
        }
        return value.toString();
    }

    private static OffsetDateTime toTimestamp(Object value) {
        if (value instanceof String s) {
            return timestamp(s);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (value instanceof LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }

    /** Whether the string ends with an offset without its colon ({@code +0300}): a sign and four digits. */
    private static boolean colonlessOffset(String s) {
        int n = s.length();
        char sign = s.charAt(n - 5);
        if (sign != '+' && sign != '-') {
            return false;
        }
        for (int i = n - 4; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The instant an ISO-8601 date-time string names (no offset means UTC), or null if it is not one. */
    static OffsetDateTime timestamp(String s) {
        // cheap shape check first: most strings are not timestamps
        if (s.length() < 16 || s.length() > 40 || s.charAt(4) != '-' || s.charAt(10) != 'T') {
            return null;
        }
        try {
            String iso = colonlessOffset(s) ? s.substring(0, s.length() - 2) + ':' + s.substring(s.length() - 2) : s;
            TemporalAccessor parsed = ISO.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime o ? o : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
