package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins dlt's typing: the type a new column gets ({@code JsonLItemsNormalizer._infer_column_type}: detection, then
 * {@code py_type_to_sc_type}) and the value a clash converts to ({@code dlt.common.data_types.coerce_value} and its
 * dispatch table). Cases from dlt's {@code tests/common/schema/test_coercion.py} and
 * {@code tests/normalize/test_json_item_inference.py} are marked "dlt"; empty = dlt does not convert, so the value
 * goes to a variant column. "differs" marks chatload's documented differences (docs/types.md).
 */
class TypeInferenceTest {
    private static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);

    static Stream<Arguments> newColumns() {
        return Stream.of(
                Arguments.of("hello", DataType.TEXT),
                Arguments.of("", DataType.TEXT),
                Arguments.of("42", DataType.TEXT),
                Arguments.of("18271.11", DataType.TEXT), // dlt
                Arguments.of("2024-01-15 10:00:00", DataType.TIMESTAMP),
                Arguments.of("2024-01-15", DataType.TEXT),
                Arguments.of(42, DataType.BIGINT),
                Arguments.of(0x72L, DataType.BIGINT), // dlt
                Arguments.of(BigInteger.valueOf(Long.MAX_VALUE), DataType.BIGINT),
                Arguments.of(7.0, DataType.DOUBLE),
                Arguments.of(1.5, DataType.DOUBLE),
                Arguments.of(true, DataType.BOOL),
                // differs: dlt makes bigint and the destination refuses the value
                Arguments.of(TWO_TO_63, DataType.DECIMAL),
                Arguments.of(BigInteger.TEN.pow(40), DataType.TEXT));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("newColumns")
    void aNewColumnGetsDltsType(Object value, DataType type) {
        assertEquals(type, TypeInference.infer(value));
    }

    static Stream<Arguments> variantSuffixes() {
        return Stream.of(
                Arguments.of("2024-01-15T10:00:00Z", DataType.TEXT), // dlt names variants by the value's type
                Arguments.of("x", DataType.TEXT),
                Arguments.of(1, DataType.BIGINT),
                Arguments.of(TWO_TO_63, DataType.BIGINT),
                Arguments.of(1.0, DataType.DOUBLE),
                Arguments.of(false, DataType.BOOL));
    }

    @ParameterizedTest(name = "[{index}] {0} -> __v_{1}")
    @MethodSource("variantSuffixes")
    void theValueTypeNamesTheVariant(Object value, DataType type) {
        assertEquals(type, TypeInference.valueType(value));
    }

    static Stream<Arguments> coercions() {
        return Stream.of(
                // to text: Python's str()
                Arguments.of(false, DataType.TEXT, "False"), // dlt
                Arguments.of(true, DataType.TEXT, "True"),
                Arguments.of(-1726.1288, DataType.TEXT, "-1726.1288"), // dlt
                Arguments.of(42, DataType.TEXT, "42"),
                Arguments.of(2.0, DataType.TEXT, "2.0"),
                Arguments.of(1e16, DataType.TEXT, "1e+16"),
                Arguments.of(1e15, DataType.TEXT, "1000000000000000.0"),
                Arguments.of(0.0001, DataType.TEXT, "0.0001"),
                Arguments.of(0.00001, DataType.TEXT, "1e-05"),
                Arguments.of(1.5e-7, DataType.TEXT, "1.5e-07"),
                Arguments.of(123456789012345678.0, DataType.TEXT, "1.2345678901234568e+17"),
                Arguments.of(Double.MIN_VALUE, DataType.TEXT, "5e-324"),
                Arguments.of(0.1 + 0.2, DataType.TEXT, "0.30000000000000004"),
                Arguments.of(-0.0, DataType.TEXT, "-0.0"),
                Arguments.of(TWO_TO_63, DataType.TEXT, "9223372036854775808"),
                Arguments.of("2024-01-15T10:00:00Z", DataType.TEXT, "2024-01-15T10:00:00Z"),
                // to bool: str2bool (no trimming), any number but 0
                Arguments.of("False", DataType.BOOL, false), // dlt
                Arguments.of("yes", DataType.BOOL, true), // dlt
                Arguments.of("no", DataType.BOOL, false), // dlt
                Arguments.of("TRUE", DataType.BOOL, true),
                Arguments.of("t", DataType.BOOL, true),
                Arguments.of("0", DataType.BOOL, false),
                Arguments.of(" true", DataType.BOOL, null),
                Arguments.of("maybe", DataType.BOOL, null),
                Arguments.of(1, DataType.BOOL, true), // dlt
                Arguments.of(0, DataType.BOOL, false), // dlt
                Arguments.of(5L, DataType.BOOL, true),
                Arguments.of(0.0, DataType.BOOL, false),
                Arguments.of(0.5, DataType.BOOL, true),
                // to double
                Arguments.of(762162, DataType.DOUBLE, 762162.0), // dlt
                Arguments.of(" -1726.1288 ", DataType.DOUBLE, -1726.1288), // dlt
                Arguments.of("0xff", DataType.DOUBLE, 255.0), // dlt
                Arguments.of(" 0xff", DataType.DOUBLE, 255.0), // dlt
                Arguments.of("a912.12", DataType.DOUBLE, null), // dlt
                Arguments.of(false, DataType.DOUBLE, null), // dlt
                Arguments.of("2.5", DataType.DOUBLE, 2.5),
                Arguments.of("1e3", DataType.DOUBLE, 1000.0),
                Arguments.of(".5", DataType.DOUBLE, 0.5),
                Arguments.of("5.", DataType.DOUBLE, 5.0),
                Arguments.of("1_000.5", DataType.DOUBLE, 1000.5),
                Arguments.of("٣.٥", DataType.DOUBLE, 3.5),
                Arguments.of("1,5", DataType.DOUBLE, null),
                Arguments.of("inf", DataType.DOUBLE, null), // differs: dlt stores infinity
                Arguments.of("nan", DataType.DOUBLE, null), // differs
                Arguments.of("2024-01-15T10:00:00Z", DataType.DOUBLE, null),
                // to bigint
                Arguments.of(" -1726 ", DataType.BIGINT, -1726L), // dlt
                Arguments.of(-762162.0, DataType.BIGINT, -762162L), // dlt
                Arguments.of(762162.1, DataType.BIGINT, null), // dlt
                Arguments.of("f912.12", DataType.BIGINT, null), // dlt
                Arguments.of("912.12", DataType.BIGINT, null), // dlt
                Arguments.of(" 0xff", DataType.BIGINT, 255L), // dlt
                Arguments.of("42", DataType.BIGINT, 42L),
                Arguments.of("+42", DataType.BIGINT, 42L),
                Arguments.of("4_2", DataType.BIGINT, 42L),
                Arguments.of("007", DataType.BIGINT, 7L),
                Arguments.of("4__2", DataType.BIGINT, null),
                Arguments.of("_42", DataType.BIGINT, null),
                Arguments.of("42.0", DataType.BIGINT, null),
                Arguments.of("0xFF", DataType.BIGINT, 255L),
                Arguments.of("0XFF", DataType.BIGINT, null), // dlt's hex rule is lower-case 0x only
                Arguments.of(7.0, DataType.BIGINT, 7L),
                Arguments.of(true, DataType.BIGINT, null),
                Arguments.of(Double.POSITIVE_INFINITY, DataType.BIGINT, null),
                Arguments.of("9223372036854775808", DataType.BIGINT, null), // differs: does not fit, dlt fails the load
                Arguments.of(TWO_TO_63, DataType.BIGINT, null), // differs
                Arguments.of(1e19, DataType.BIGINT, null), // differs
                // to decimal: whole numbers only (differs: chatload's decimal columns hold big integers)
                Arguments.of(" -1726 ", DataType.DECIMAL, new BigDecimal("-1726")),
                Arguments.of(-1726, DataType.DECIMAL, new BigDecimal("-1726")), // dlt
                Arguments.of(" 0xff", DataType.DECIMAL, new BigDecimal("255")), // dlt
                Arguments.of("p912.12", DataType.DECIMAL, null), // dlt
                Arguments.of(TWO_TO_63, DataType.DECIMAL, new BigDecimal(TWO_TO_63)),
                Arguments.of(1e3, DataType.DECIMAL, new BigDecimal("1000")),
                Arguments.of("1726.839283", DataType.DECIMAL, null), // differs
                Arguments.of(true, DataType.DECIMAL, null),
                // to timestamp: ISO text, a date (midnight), epoch seconds as number or text; UTC, microseconds
                Arguments.of(" 1580405246 ", DataType.TIMESTAMP, utc("2020-01-30T17:27:26Z")), // dlt
                Arguments.of(1633344898.7415245, DataType.TIMESTAMP, utc("2021-10-04T10:54:58.741524Z")), // dlt
                Arguments.of("2022-05-10T03:41:31.466000+00:00", DataType.TIMESTAMP, utc("2022-05-10T03:41:31.466Z")), // dlt
                Arguments.of("2022-05-10T03:41:31.466+02:00", DataType.TIMESTAMP, utc("2022-05-10T01:41:31.466Z")), // dlt
                Arguments.of("2022-05-10T03:41:31.466+0200", DataType.TIMESTAMP, utc("2022-05-10T01:41:31.466Z")), // dlt
                Arguments.of("2022-04-26 10:36+02", DataType.TIMESTAMP, utc("2022-04-26T08:36:00Z")), // dlt
                Arguments.of("2022-04-26 10:36", DataType.TIMESTAMP, utc("2022-04-26T10:36:00Z")), // dlt
                Arguments.of("2021-04-25", DataType.TIMESTAMP, utc("2021-04-25T00:00:00Z")), // dlt
                Arguments.of("now", DataType.TIMESTAMP, null), // dlt
                Arguments.of("2007-03-01T13:00:00Z/2008-05-11T15:30:00Z", DataType.TIMESTAMP, null), // dlt
                Arguments.of("2011--20012", DataType.TIMESTAMP, null), // dlt
                Arguments.of(-1e27, DataType.TIMESTAMP, null), // dlt
                Arguments.of(1e27, DataType.TIMESTAMP, null), // dlt
                Arguments.of("06/04/22, 11:15PM IST", DataType.TIMESTAMP, null), // dlt
                Arguments.of("Wed, 06 Jul 2022 11:58:08 +0200", DataType.TIMESTAMP, null), // dlt
                Arguments.of("Tuesday, 13-Sep-22 18:42:31 UTC", DataType.TIMESTAMP, null), // dlt
                Arguments.of("10:36", DataType.TIMESTAMP, null), // dlt
                Arguments.of("x2022-05-10T03:41:31.466000X+00:00", DataType.TIMESTAMP, null), // dlt
                Arguments.of("03:41:31.466", DataType.TIMESTAMP, null), // dlt
                Arguments.of(78172.128, DataType.TIMESTAMP, utc("1970-01-01T21:42:52.128Z")), // dlt
                Arguments.of("78172.128", DataType.TIMESTAMP, utc("1970-01-01T21:42:52.128Z")), // dlt
                Arguments.of("übermorgen", DataType.TIMESTAMP, null), // dlt
                Arguments.of(1609459200, DataType.TIMESTAMP, utc("2021-01-01T00:00:00Z")), // dlt
                Arguments.of("1609459200", DataType.TIMESTAMP, utc("2021-01-01T00:00:00Z")), // dlt
                Arguments.of("1609459200.123456", DataType.TIMESTAMP, utc("2021-01-01T00:00:00.123456Z")), // dlt
                Arguments.of(-1.5, DataType.TIMESTAMP, utc("1969-12-31T23:59:58.5Z")),
                Arguments.of("20240115", DataType.TIMESTAMP, utc("2024-01-15T00:00:00Z")), // a basic date, not an epoch
                Arguments.of("2024", DataType.TIMESTAMP, utc("2024-01-01T00:00:00Z")),
                Arguments.of(true, DataType.TIMESTAMP, null),
                Arguments.of(253402300800L, DataType.TIMESTAMP, null), // year 10000
                Arguments.of(253402300799L, DataType.TIMESTAMP, utc("9999-12-31T23:59:59Z")),
                // json: from text that parses (json.loads), to text as its JSON; numbers and bools are variants
                Arguments.of("{\"a\": [1, true]}", DataType.JSON, new JsonValue("{\"a\":[1,true]}")),
                Arguments.of("42", DataType.JSON, new JsonValue("42")),
                Arguments.of("not json", DataType.JSON, null),
                Arguments.of("{\"a\": 1} trailing", DataType.JSON, null),
                Arguments.of(42L, DataType.JSON, null),
                Arguments.of(true, DataType.JSON, null),
                Arguments.of(new JsonValue("{\"a\":1}"), DataType.JSON, new JsonValue("{\"a\":1}")),
                Arguments.of(new JsonValue("[1,2]"), DataType.TEXT, "[1,2]"),
                Arguments.of(new JsonValue("[1,2]"), DataType.BIGINT, null));
    }

    @ParameterizedTest(name = "[{index}] {0} into {1} -> {2}")
    @MethodSource("coercions")
    void aClashConvertsAsDltConverts(Object value, DataType column, Object expected) {
        assertEquals(Optional.ofNullable(expected), TypeInference.coerce(value, column),
                value + " (" + value.getClass().getSimpleName() + ") into " + column);
    }

    static Stream<Object> anyValue() {
        return Stream.of("hello", "", "42", "1.5", "true", "2024-01-15 10:00:00", "{\"a\": 1}", 42, -7, 0, 0x72L,
                Long.MIN_VALUE, 1.5, 7.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1.5f, (short) 3, true, false,
                TWO_TO_63, BigInteger.ONE, new BigDecimal("2.50"), new JsonValue("[1,2]"), utc("2024-01-15T10:00:00Z"));
    }

    /** The shortcut for values a column takes as they are must give what the general conversion gives, or nothing. */
    @ParameterizedTest(name = "value {0}")
    @MethodSource("anyValue")
    void aValueTakenAsItIsIsWhatTheConversionGives(Object value) {
        for (DataType column : DataType.values()) {
            Object same = TypeInference.unchanged(value, column);
            if (same != null) {
                Object converted = TypeInference.coerce(value, column).orElseThrow();
                assertEquals(converted, same, column.name());
                assertEquals(converted.getClass(), same.getClass(), column.name());
            }
        }
    }

    private static OffsetDateTime utc(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
