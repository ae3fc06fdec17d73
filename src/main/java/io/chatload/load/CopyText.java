package io.chatload.load;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Rows in PostgreSQL's COPY text format: columns split by tab, rows ended by newline, NULL as {@code \N}, and in a
 * value backslash, tab, newline and carriage return escaped with a backslash (every other character travels as it
 * is). The text format rather than CSV: its one escape rule covers every value, where CSV tells NULL from an empty
 * string only by quoting. Each value is written as text its column's input function reads back to the value a bound
 * parameter stores (compared row by row in CopyRowsTest).
 */
final class CopyText {
    private CopyText() {
    }

    /** Appends one row: the values of {@code columns}, in their order. */
    static void appendRow(StringBuilder out, Map<String, Object> row, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, row.get(columns.get(i)));
        }
        out.append('\n');
    }

    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String text) {
            appendEscaped(out, text);
        } else if (value instanceof JsonValue json) {
            appendEscaped(out, json.json());
        } else if (value instanceof Boolean bool) {
            out.append(bool ? 't' : 'f');
        } else if (value instanceof OffsetDateTime timestamp) {
            appendTimestamp(out, timestamp);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Number) {
            // a double as the shortest text that reads back as the same double (NaN and Infinity as float8 spells them)
            out.append(value);
        } else {
            appendEscaped(out, value.toString());
        }
    }

    /** Text with the four characters the format gives a meaning escaped. */
    static void appendEscaped(StringBuilder out, String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char escape = switch (c) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escape != 0) {
                out.append(text, start, i).append('\\').append(escape);
                start = i + 1;
            }
        }
        out.append(text, start, text.length());
    }

    /**
     * An instant as {@code 2024-05-01 10:00:00.123456+00}, in UTC so that the session's time zone plays no part;
     * years before 1 as PostgreSQL writes them ({@code 0001-12-31 ... BC} is year 0), years past 9999 without a sign.
     */
    static void appendTimestamp(StringBuilder out, OffsetDateTime timestamp) {
        OffsetDateTime utc = timestamp.withOffsetSameInstant(ZoneOffset.UTC);
        int year = utc.getYear();
        boolean bc = year <= 0;
        pad(out, bc ? 1 - year : year, 4).append('-');
        pad(out, utc.getMonthValue(), 2).append('-');
        pad(out, utc.getDayOfMonth(), 2).append(' ');
        pad(out, utc.getHour(), 2).append(':');
        pad(out, utc.getMinute(), 2).append(':');
        pad(out, utc.getSecond(), 2);
        if (utc.getNano() != 0) {
            // all nine digits, none cut here (the loader's timestamps come truncated to microseconds)
            pad(out.append('.'), utc.getNano(), 9);
        }
        out.append("+00");
        if (bc) {
            out.append(" BC");
        }
    }

    private static StringBuilder pad(StringBuilder out, int number, int digits) {
        String text = Integer.toString(number);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
