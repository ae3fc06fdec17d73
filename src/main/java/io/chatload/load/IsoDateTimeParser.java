package io.chatload.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.IsoFields;

/**
 * Reads a string as pendulum's ISO 8601 parser does (pendulum 3, the parser behind dlt's timestamp detection): the
 * same formats accepted and refused, so a string is a timestamp here exactly when it is one for dlt. Accepted:
 * extended and basic dates ({@code 2024-01-15}, {@code 20240115}), reduced ({@code 2024-01}), ordinal
 * ({@code 2024-015}) and week dates ({@code 2024-W03-1}); a time after {@code T} or a space, with minutes and seconds
 * optional, a fraction after {@code .} or {@code ,} (digits past the sixth dropped), and {@code Z} or an offset
 * {@code +03}, {@code +0300}, {@code +03:00}. Refused: anything left over, intervals, durations, an hour of 24, a
 * basic date with extended seconds and the reverse, invalid dates. Quirks kept on purpose: pendulum finds the day of an
 * ordinal date from a table that makes the last day of each month invalid ({@code 2024-031}).
 */
final class IsoDateTimeParser {
    /** What a string names: a date, a time, or both; {@code offsetSeconds} null when no offset was given. */
    record Parsed(LocalDate date, LocalTime time, Integer offsetSeconds) {
        boolean isDateTime() {
            return date != null && time != null;
        }
    }

    /** Day of year before each month (pendulum's table, index = month); index 0 is unused. */
    private static final int[][] MONTH_OFFSETS = {
            {-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
            {-1, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

    private final String s;
    private int pos;
    private boolean extendedDate;
    private int year;
    private int month = 1;
    private int day = 1;
    private int hour;
    private int minute;
    private int second;
    private int micros;
    private Integer offset;

    private IsoDateTimeParser(String s) {
        this.s = s;
    }

    /** The date, time or date-time {@code s} names, or null when pendulum's ISO parser refuses it. */
    static Parsed parse(String s) {
        try {
            return new IsoDateTimeParser(s).parse();
        } catch (IllegalArgumentException | DateTimeException e) {
            return null;
        }
    }

    private boolean end() {
        return pos >= s.length();
    }

    private char current() {
        return end() ? '\0' : s.charAt(pos);
    }

    private boolean atSeparatorOrEnd() {
        return end() || current() == ' ' || current() == 'T';
    }

    private int digits(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            char c = current();
            if (end() || c < '0' || c > '9') {
                throw new IllegalArgumentException("digit expected at " + pos);
            }
            value = value * 10 + (c - '0');
            pos++;
        }
        return value;
    }

    private void expect(boolean condition) {
        if (!condition) {
            throw new IllegalArgumentException("unexpected character at " + pos);
        }
    }

    private Parsed parse() {
        expect(current() != 'P'); // a duration
        if (current() == 'T') {
            time(false);
            expect(end());
            return new Parsed(null, LocalTime.of(hour, minute, second, micros * 1000), offset);
        }
        year = digits(2);
        if (current() == ':') {
            hour = year;
            extendedDate = true;
            time(true);
            expect(end());
            return new Parsed(null, LocalTime.of(hour, minute, second, micros * 1000), offset);
        }
        year = year * 100 + digits(2);
        date();
        boolean hasTime = !end();
        if (hasTime) {
            time(false);
        }
        expect(end()); // leftovers, and intervals (a '/'), are not one date-time
        LocalDate date = ymd(year, month, day);
        return new Parsed(date, hasTime ? LocalTime.of(hour, minute, second, micros * 1000) : null, offset);
    }

    private void date() {
        if (current() == '-') {
            pos++;
            extendedDate = true;
            if (current() == 'W') {
                pos++;
                int week = digits(2);
                int weekDay = 1;
                if (!atSeparatorOrEnd()) {
                    expect(current() == '-');
                    pos++;
                    weekDay = digits(1);
                }
                week(week, weekDay);
                return;
            }
            month = digits(2);
            if (atSeparatorOrEnd()) {
                day = 1;
            } else if (current() == '-') {
                pos++;
                day = digits(2);
            } else {
                ordinal(month * 10 + digits(1), false);
            }
        } else if (current() == 'W') {
            pos++;
            int week = digits(2);
            week(week, atSeparatorOrEnd() ? 1 : digits(1));
        } else {
            month = digits(2);
            int next = digits(1);
            if (atSeparatorOrEnd()) {
                ordinal(month * 10 + next, false);
            } else {
                day = next * 10 + digits(1);
            }
        }
    }

    private void week(int week, int weekDay) {
        boolean longYear = year >= 1 && LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == 53;
        expect(week <= 53 && (week <= 52 || longYear) && weekDay <= 7);
        int jan4 = LocalDate.of(year, 1, 4).getDayOfWeek().getValue();
        ordinal(week * 7 + weekDay - (jan4 + 3), true);
    }

    private void ordinal(int ordinal, boolean outOfYearAllowed) {
        int y = year;
        int ord = ordinal;
        if (ord < 1) {
            expect(outOfYearAllowed);
            y--;
            ord += LocalDate.of(y, 1, 1).lengthOfYear();
        }
        if (ord > LocalDate.of(y, 1, 1).lengthOfYear()) {
            expect(outOfYearAllowed);
            ord -= LocalDate.of(y, 1, 1).lengthOfYear();
            y++;
        }
        int[] offsets = MONTH_OFFSETS[LocalDate.of(y, 1, 1).isLeapYear() ? 1 : 0];
        for (int i = 1; i < offsets.length; i++) {
            if (ord < offsets[i]) {
                year = y;
                month = i - 1;
                day = ord - offsets[i - 1];
                return;
            }
        }
        throw new IllegalArgumentException("ordinal day " + ordinal + " too large");
    }

    private void time(boolean hourRead) {
        if (!hourRead) {
            expect(current() == 'T' || current() == ' ');
            pos++;
            hour = digits(2);
        }
        if (!end() && !atOffset()) {
            if (current() == ':') {
                pos++;
                minute = digits(2);
                if (!end() && !atOffset()) {
                    expect(current() == ':');
                    pos++;
                    second = digits(2);
                    fraction();
                    expect(extendedDate); // "Cannot combine basic date format with extended time format"
                }
            } else {
                minute = digits(2);
                if (!end() && !atOffset()) {
                    second = digits(2);
                    fraction();
                }
                expect(!extendedDate);
            }
        }
        if (current() == 'Z' && !end()) {
            offset = 0;
            pos++;
        } else if (atOffset()) {
            int sign = current() == '+' ? 1 : -1;
            pos++;
            int hours = digits(2);
            if (current() == ':' && !end()) {
                pos++;
            }
            int minutes = end() ? 0 : digits(2);
            int total = sign * (hours * 60 + minutes);
            // pendulum refuses more than +24:00; Python's tzinfo any offset of a whole day or more
            expect(Math.abs(total) < 24 * 60);
            offset = total * 60;
        }
    }

    private boolean atOffset() {
        char c = current();
        return !end() && (c == 'Z' || c == '+' || c == '-');
    }

    private void fraction() {
        if (end() || current() != '.' && current() != ',') {
            return;
        }
        pos++;
        int read = 0;
        micros = 0;
        while (read < 6 && !end() && current() >= '0' && current() <= '9') {
            micros = micros * 10 + (current() - '0');
            pos++;
            read++;
        }
        expect(read > 0);
        while (!end() && current() >= '0' && current() <= '9') {
            pos++; // digits past microseconds are dropped
        }
        for (; read < 6; read++) {
            micros *= 10;
        }
    }

    /** A date as Python's {@code date()} accepts it: years 1 to 9999. */
    static LocalDate ymd(int year, int month, int day) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        return LocalDate.of(year, month, day);
    }
}
