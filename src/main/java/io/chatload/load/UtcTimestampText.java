package io.chatload.load;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The shape most APIs give their timestamps in, {@code 2025-02-05T14:22:54.231Z} (a fraction of up to 6 digits, UTC
 * as {@code Z} or {@code +00:00}), read by position: a timestamp column takes one such text per row, and dlt's general
 * parsing ({@link DltTimestamps#fromText}) would read it as the same instant. Any other text is left to that parsing.
 */
final class UtcTimestampText {
    private static final int DATE_TIME = "2025-02-05T14:22:54".length();

    private UtcTimestampText() {
    }

    /** The instant, or null when the text is not of this exact shape (or names no valid date and time). */
    static OffsetDateTime parse(String s) {
        int length = s.length();
        if (length < DATE_TIME + 1 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int zone = s.charAt(length - 1) == 'Z' ? length - 1 : s.endsWith("+00:00") ? length - 6 : -1;
        int micros = 0;
        if (zone > DATE_TIME) {
            int digits = zone - DATE_TIME - 1;
            if (s.charAt(DATE_TIME) != '.' || digits < 1 || digits > 6) {
                return null;
            }
            micros = digits(s, DATE_TIME + 1, zone);
            for (int i = digits; i < 6; i++) {
                micros *= 10;
            }
        } else if (zone != DATE_TIME) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second | micros) < 0 || year < 1) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, micros * 1000, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // February 30th, hour 24...: as dlt's parsing sees them
        }
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1 when one is not such a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
