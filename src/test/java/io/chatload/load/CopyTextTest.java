package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The COPY text of values, without a database (CopyRowsTest checks what PostgreSQL makes of it). */
class CopyTextTest {

    private static String value(Object value) {
        StringBuilder out = new StringBuilder();
        CopyText.appendValue(out, value);
        return out.toString();
    }

    @Test
    void aRowIsItsValuesSplitByTabsWithNullAsBackslashN() {
        Map<String, Object> row = new HashMap<>();
        row.put("a", "x");
        row.put("c", 3L);
        StringBuilder out = new StringBuilder();
        CopyText.appendRow(out, row, List.of("a", "b", "c"));
        assertEquals("x\t\\N\t3\n", out.toString());
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscapedAndNothingElse() {
        assertEquals("a\\\\b\\tc\\nd\\re", value("a\\b\tc\nd\re"));
        assertEquals("\\\\N", value("\\N"), "the text \\N, not NULL");
        assertEquals("\u0001 ü 😀 \"'", value("\u0001 ü 😀 \"'"));
        assertEquals("{\"a\":\"\\\\t\"}", value(new JsonValue("{\"a\":\"\\t\"}")));
    }

    @Test
    void numbersAndBooleansAsPostgresqlReadsThem() {
        assertEquals("t", value(true));
        assertEquals("f", value(false));
        assertEquals("-9223372036854775808", value(Long.MIN_VALUE));
        assertEquals("1.0E300", value(1e300));
        assertEquals("NaN", value(Double.NaN));
        assertEquals("-Infinity", value(Double.NEGATIVE_INFINITY));
        assertEquals("100000000000000000000", value(new BigDecimal("1E+20")), "no exponent in a numeric");
    }

    @Test
    void timestampsInUtcWithTheirFractionAndEraOutsideFourDigitYears() {
        assertEquals("2024-02-29 18:29:59.123456000+00", value(OffsetDateTime.parse("2024-02-29T23:59:59.123456+05:30")));
        assertEquals("1970-01-01 00:00:00+00", value(OffsetDateTime.parse("1970-01-01T00:00Z")));
        assertEquals("0001-12-31 19:00:00+00 BC", value(OffsetDateTime.parse("0001-01-01T00:00+05:00")), "year 0 is 1 BC");
        assertEquals("10000-01-01 04:00:00+00", value(OffsetDateTime.parse("9999-12-31T23:00-05:00")));
    }
}
