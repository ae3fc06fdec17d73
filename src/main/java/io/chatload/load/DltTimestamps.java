package io.chatload.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as dlt finds and converts them, always returned in UTC with microsecond precision (dlt's default
 * {@code timezone=True} columns: an offset is applied, a value without one is UTC).
 *
 * <ul>
 *   <li>{@link #detect}: dlt's default {@code iso_timestamp} detection: a string is a timestamp when dlt's
 *   {@code parse_iso_like_datetime} reads a date with a time from it: pendulum's ISO parser
 *   ({@link IsoDateTimeParser}), else pendulum's "common" format ({@code 2024/01/15 10:00}, {@code 2021:01:01 05:02:32},
 *   {@code 2024 10:00}). A date alone or a time alone is not a timestamp.</li>
 *   <li>{@link #fromText}: text into an existing timestamp column: also a date (its midnight) and an epoch number
 *   in text ({@code " 1580405246 "}).</li>
 *   <li>{@link #fromEpoch}: a number into a timestamp column: seconds since 1970, rounded to microseconds.</li>
 * </ul>
 */
final class DltTimestamps {
    // pendulum's fallback format: optional date (year, then month and day with an optional / or : before each),
    // optional time (optional space, h:m with minute optional, :s, a fraction after . | or ,); \d is any Unicode
    // digit and $ also matches before a final newline, as in Python
    private static final Pattern COMMON = Pattern.compile(
            "^(?:(\\d{4})(?:[/:]?(\\d{2})[/:]?(\\d{2}))?)?"
                    + "(?: ?(\\d{1,2}):(\\d{1,2})?(?::(\\d{1,2}))?(?:[.|,](\\d{1,9}))?)?$",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    private static final long MIN_EPOCH = LocalDate.of(1, 1, 1).toEpochDay() * 86_400L;
    private static final long MAX_EPOCH = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    private DltTimestamps() {
    }

    /** The UTC instant the string names when dlt detects it as a timestamp, else null. */
    static OffsetDateTime detect(String s) {
        if (s.isEmpty()) {
            return null;
        }
        IsoDateTimeParser.Parsed parsed = parseIsoLike(s);
        return parsed != null && parsed.isDateTime() ? utc(parsed) : null;
    }

    /** A text value converted into a timestamp column as dlt converts it, or null when dlt cannot (a variant). */
    static OffsetDateTime fromText(String s) {
        IsoDateTimeParser.Parsed parsed = parseIsoLike(s);
        if (parsed != null) {
            return parsed.date() == null ? null : utc(parsed); // a time alone is refused, a date is its midnight
        }
        Double epoch = PythonNumbers.parseFloat(s);
        return epoch == null ? null : fromEpoch(epoch);
    }

    /** Seconds since 1970 as a UTC timestamp, or null outside the years 1 to 9999 (or not finite). */
    static OffsetDateTime fromEpoch(double seconds) {
        if (!Double.isFinite(seconds)) {
            return null;
        }
        // Python rounds to the nearest microsecond, ties to even
        return fromEpoch(new BigDecimal(seconds).setScale(6, RoundingMode.HALF_EVEN));
    }

    /** Whole seconds since 1970 as a UTC timestamp, or null outside the years 1 to 9999. */
    static OffsetDateTime fromEpoch(BigInteger seconds) {
        return fromEpoch(new BigDecimal(seconds));
    }

    private static OffsetDateTime fromEpoch(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        if (whole.compareTo(BigDecimal.valueOf(MIN_EPOCH)) < 0 || whole.compareTo(BigDecimal.valueOf(MAX_EPOCH)) >= 0) {
            return null;
        }
        long micros = seconds.subtract(whole).movePointRight(6).longValue();
        return Instant.ofEpochSecond(whole.longValue(), micros * 1000).atOffset(ZoneOffset.UTC);
    }

    /** dlt's {@code parse_iso_like_datetime}: pendulum's ISO parser, then its common format; null if neither reads it. */
    static IsoDateTimeParser.Parsed parseIsoLike(String s) {
        IsoDateTimeParser.Parsed iso = IsoDateTimeParser.parse(s);
        return iso != null ? iso : common(s);
    }

    private static IsoDateTimeParser.Parsed common(String s) {
        Matcher m = COMMON.matcher(s);
        if (!m.find()) {
            return null;
        }
        try {
            LocalDate date = null;
            if (m.group(1) != null) {
                date = IsoDateTimeParser.ymd(number(m.group(1)), m.group(2) == null ? 1 : number(m.group(2)),
                        m.group(3) == null ? 1 : number(m.group(3)));
            }
            if (m.group(4) == null) {
                // neither date nor time (an empty string) is year 0: invalid, as in Python
                return date == null ? null : new IsoDateTimeParser.Parsed(date, null, null);
            }
            if (m.group(5) == null) {
                return null; // "10:" has no minute: pendulum fails on it
            }
            int micros = 0;
            if (m.group(7) != null) {
                String fraction = m.group(7).length() > 6 ? m.group(7).substring(0, 6) : m.group(7);
                micros = number(fraction) * (int) Math.pow(10, 6 - fraction.length());
            }
            LocalTime time = LocalTime.of(number(m.group(4)), number(m.group(5)),
                    m.group(6) == null ? 0 : number(m.group(6)), micros * 1000);
            return new IsoDateTimeParser.Parsed(date, time, null);
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String digits) {
        return Integer.parseInt(digits); // reads any Unicode digits, as Python's int() does
    }

    private static OffsetDateTime utc(IsoDateTimeParser.Parsed parsed) {
        LocalDateTime local = parsed.date().atTime(parsed.time() == null ? LocalTime.MIDNIGHT : parsed.time());
        int offset = parsed.offsetSeconds() == null ? 0 : parsed.offsetSeconds();
        // an offset beyond Java's +-18:00 is still a valid one in Python: apply it by hand
        return local.minusSeconds(offset).atOffset(ZoneOffset.UTC);
    }
}
