package io.chatload.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * dlt's typing of values. A new column gets the type dlt infers ({@link #infer}: a string that dlt's
 * {@code iso_timestamp} detection reads is a timestamp, else the value's own type). A value whose type
 * ({@link #valueType}) differs from its column's is converted where dlt's coercion table converts it
 * ({@link #coerce}); where it does not, the caller puts it into the variant column {@code <col>__v_<value type>}.
 *
 * <p>Deliberate differences, for values dlt would send to the destination and see refused there: an integer beyond
 * 64 bits gets a {@code decimal} column (beyond 38 digits {@code text}) and never enters a {@code bigint} column; a
 * decimal column (made only for such integers) takes whole numbers only; text {@code "inf"} or {@code "nan"} does not
 * become a double.
 */
final class TypeInference {
    private static final int MAX_DECIMAL_DIGITS = 38;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Set<String> TRUE_WORDS = Set.of("yes", "true", "t", "y", "1");
    private static final Set<String> FALSE_WORDS = Set.of("no", "false", "f", "n", "0");

    private TypeInference() {
    }

    /** The type of a new column whose first value is this non-null scalar (dlt's detection, then the value's type). */
    static DataType infer(Object value) {
        if (value instanceof String s) {
            return DltTimestamps.detect(s) != null ? DataType.TIMESTAMP : DataType.TEXT;
        }
        if (value instanceof BigInteger big && !fitsLong(big)) {
            return big.abs().toString().length() <= MAX_DECIMAL_DIGITS ? DataType.DECIMAL : DataType.TEXT;
        }
        return valueType(value);
    }

    /**
     * The type a value has before detection, as dlt's {@code py_type_to_sc_type} gives it: it names the variant column
     * a clash makes ({@code age__v_text} for any string, also an ISO timestamp).
     */
    static DataType valueType(Object value) {
        if (value instanceof Boolean) {
            return DataType.BOOL;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return DataType.BIGINT;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return DataType.DOUBLE;
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

    /**
     * A value that a column of this type takes as it is, as {@link #coerce} gives it: most values of a batch, so they
     * are told by their class alone; null when {@link #coerce} must decide.
     */
    static Object unchanged(Object value, DataType column) {
        return switch (column) {
            case TEXT -> value instanceof String ? value : null;
            case BIGINT -> value instanceof Long ? value : value instanceof Integer i ? Long.valueOf(i) : null;
            case DOUBLE -> value instanceof Double ? value : null;
            case BOOL -> value instanceof Boolean ? value : null;
            case JSON -> value instanceof JsonValue ? value : null;
            case TIMESTAMP, DECIMAL -> null;
        };
    }

    /** The value to bind into a column of type {@code column}, or empty when dlt would not convert it (a variant). */
    static Optional<Object> coerce(Object value, DataType column) {
        return Optional.ofNullable(switch (column) {
            case TEXT -> value instanceof String ? value : PythonNumbers.str(value);
            case BIGINT -> toBigint(value);
            case DOUBLE -> toDouble(value);
            case BOOL -> toBool(value);
            case TIMESTAMP -> toTimestamp(value);
            case DECIMAL -> toDecimal(value);
            case JSON -> value instanceof String text ? Json.parse(text) : column == valueType(value) ? value : null;
        });
    }

    /**
     * A key value's text for the {@code _dlt_id} digest of a merge row (kept as it was so existing ids stay stable);
     * a value stored in a text column is written by {@link PythonNumbers#str} instead.
     */
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

    private static Long toBigint(Object value) {
        BigInteger integer = switch (valueType(value)) {
            case BIGINT -> integer(value);
            case TEXT -> PythonNumbers.parseInt((String) value);
            case DOUBLE -> wholeNumber(value);
            default -> null; // bool and timestamp: dlt has no conversion
        };
        return integer != null && fitsLong(integer) ? integer.longValue() : null;
    }

    private static Double toDouble(Object value) {
        return switch (valueType(value)) {
            case DOUBLE -> ((Number) value).doubleValue();
            case BIGINT -> finite(((Number) value).doubleValue()); // Python's float() overflows past 1e308
            case TEXT -> {
                Double parsed = PythonNumbers.parseFloat((String) value);
                yield parsed == null ? null : finite(parsed);
            }
            default -> null;
        };
    }

    private static Boolean toBool(Object value) {
        return switch (valueType(value)) {
            case BOOL -> (Boolean) value;
            case TEXT -> {
                String word = ((String) value).toLowerCase(Locale.ROOT);
                yield TRUE_WORDS.contains(word) ? Boolean.TRUE : FALSE_WORDS.contains(word) ? Boolean.FALSE : null;
            }
            case BIGINT, DOUBLE -> value instanceof BigInteger big ? big.signum() != 0
                    : value instanceof BigDecimal d ? d.signum() != 0 : ((Number) value).doubleValue() != 0;
            default -> null;
        };
    }

    private static OffsetDateTime toTimestamp(Object value) {
        OffsetDateTime timestamp = switch (valueType(value)) {
            case TEXT -> {
                OffsetDateTime common = UtcTimestampText.parse((String) value);
                yield common != null ? common : DltTimestamps.fromText((String) value);
            }
            case BIGINT -> DltTimestamps.fromEpoch(integer(value));
            case DOUBLE -> DltTimestamps.fromEpoch(((Number) value).doubleValue());
            case TIMESTAMP -> timestampOf(value);
            default -> null;
        };
        return timestamp == null ? null : timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    private static BigDecimal toDecimal(Object value) {
        BigDecimal decimal = switch (valueType(value)) {
            case BIGINT -> new BigDecimal(integer(value));
            case DOUBLE -> {
                if (value instanceof BigDecimal d) {
                    yield d;
                }
                double number = ((Number) value).doubleValue();
                yield Double.isFinite(number) ? new BigDecimal(number) : null;
            }
            case TEXT -> PythonNumbers.parseDecimal((String) value);
            default -> null;
        };
        // our decimal columns hold whole numbers of up to 38 digits
        BigInteger whole = decimal == null ? null : wholeNumber(decimal);
        return whole != null && whole.abs().toString().length() <= MAX_DECIMAL_DIGITS ? new BigDecimal(whole) : null;
    }

    /** A double or decimal that is a whole number, as that integer; null otherwise (dlt: {@code value % 1 != 0}). */
    private static BigInteger wholeNumber(Object value) {
        BigDecimal d;
        if (value instanceof BigDecimal decimal) {
            d = decimal;
        } else {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                return null;
            }
            d = new BigDecimal(number);
        }
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** An integral value (Integer, Long, BigInteger ...) as a BigInteger. */
    private static BigInteger integer(Object value) {
        return value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static boolean fitsLong(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
    }

    private static OffsetDateTime timestampOf(Object value) {
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
