package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins pendulum 3's ISO 8601 parser, the first half of dlt's {@code parse_iso_like_datetime}: the cases of pendulum's
 * own {@code tests/parsing/test_parse_iso8601.py} ({@code test_parse_iso8601} and {@code test_parse_ios8601_invalid}),
 * as date, time and offset in seconds (null: none given).
 */
class IsoDateTimeParserTest {

    static Stream<Arguments> parsed() {
        return Stream.of(
                Arguments.of("2016-10", "2016-10-01", null, null),
                Arguments.of("2016-10-06", "2016-10-06", null, null),
                Arguments.of("2012-007", "2012-01-07", null, null),
                Arguments.of("2012007", "2012-01-07", null, null),
                Arguments.of("2017-079", "2017-03-20", null, null),
                Arguments.of("2012-W05", "2012-01-30", null, null),
                Arguments.of("2008-W39-6", "2008-09-27", null, null),
                Arguments.of("2009-W53-7", "2010-01-03", null, null),
                Arguments.of("2009-W01-1", "2008-12-29", null, null),
                Arguments.of("12:34", null, "12:34:00", null),
                Arguments.of("12:34:56", null, "12:34:56", null),
                Arguments.of("12:34:56.123", null, "12:34:56.123", null),
                Arguments.of("12:34:56.123456", null, "12:34:56.123456", null),
                Arguments.of("12:34+05:30", null, "12:34:00", 19800),
                Arguments.of("12:34:56+05:30", null, "12:34:56", 19800),
                Arguments.of("12:34:56.123+05:30", null, "12:34:56.123", 19800),
                Arguments.of("12:34:56.123456+05:30", null, "12:34:56.123456", 19800),
                Arguments.of("2016-10-06T12:34:56.123456", "2016-10-06", "12:34:56.123456", null),
                Arguments.of("2016-10-06T12:34:56.123", "2016-10-06", "12:34:56.123", null),
                Arguments.of("2016-10-06T12:34:56.000123", "2016-10-06", "12:34:56.000123", null),
                Arguments.of("20161006T12", "2016-10-06", "12:00:00", null),
                Arguments.of("20161006T123456", "2016-10-06", "12:34:56", null),
                Arguments.of("20161006T123456.123456", "2016-10-06", "12:34:56.123456", null),
                Arguments.of("20161006 123456.123456", "2016-10-06", "12:34:56.123456", null),
                Arguments.of("2016-10-06T12:34:56.123456+05:30", "2016-10-06", "12:34:56.123456", 19800),
                Arguments.of("2016-10-06T12:34:56.123456+0530", "2016-10-06", "12:34:56.123456", 19800),
                Arguments.of("2016-10-06T12:34:56.123456-05:30", "2016-10-06", "12:34:56.123456", -19800),
                Arguments.of("2016-10-06T12:34:56.123456-0530", "2016-10-06", "12:34:56.123456", -19800),
                Arguments.of("2016-10-06T12:34:56.123456+05", "2016-10-06", "12:34:56.123456", 18000),
                Arguments.of("2016-10-06T12:34:56.123456-05", "2016-10-06", "12:34:56.123456", -18000),
                Arguments.of("20161006T123456,123456-05", "2016-10-06", "12:34:56.123456", -18000),
                Arguments.of("2016-10-06T12:34:56.123456789+05:30", "2016-10-06", "12:34:56.123456", 19800),
                Arguments.of("2008-W39-6T09", "2008-09-27", "09:00:00", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("parsed")
    void parsesAsPendulum(String text, String date, String time, Integer offset) {
        IsoDateTimeParser.Parsed expected = new IsoDateTimeParser.Parsed(date == null ? null : LocalDate.parse(date),
                time == null ? null : LocalTime.parse(time), offset);
        assertEquals(expected, IsoDateTimeParser.parse(text), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "20161306T123456", "20161033T123456", "20161131T123456", "20161006T243456", "20161006T126056", "20161006T123460",
        "20140203 04:05:.123456", "2009-05-19 14:", "2009367", "2009-367", "2015-366", "2015-000", "2009-",
        "2009-05-19T14:3924", "2010-02-18T16.5:23.35:48", "2010-02-18T16:23.35:48", "2010-02-18T16:23.33.600",
        "2009-05-19 14:39:22+063", "2009-05-19 14:39:22+06a00", "2009-05-19 14:39:22+0:6:00", "2009-05-1914:39",
        "2012-W63", "2012-W12-9", "2012W12-3", "2012-W123",
        // durations and intervals are no date or time
        "P2Y3M4DT5H6M7S", "P1D", "PT1H", "2007-03-01T13:00:00Z/2008-05-11T15:30:00Z",
    })
    void refusesAsPendulum(String text) {
        assertNull(IsoDateTimeParser.parse(text), text);
    }

    /**
     * dlt's {@code parse_iso_like_datetime} = pendulum's strict {@code parse} without its interval step: the ISO parser,
     * then pendulum's common format. Cases of pendulum's {@code tests/parsing/test_parsing.py}.
     */
    static Stream<Arguments> parsedIsoLike() {
        return Stream.of(
                Arguments.of("2016", "2016-01-01", null, null),
                Arguments.of("2012-05", "2012-05-01", null, null),
                Arguments.of("20120503", "2012-05-03", null, null),
                Arguments.of("2016-10-06 12:34:56", "2016-10-06", "12:34:56", null),
                Arguments.of("2016-10-06 12:34:56.123456", "2016-10-06", "12:34:56.123456", null),
                Arguments.of("2016-10-01T14", "2016-10-01", "14:00", null),
                Arguments.of("2016-10-01T14:30", "2016-10-01", "14:30", null),
                Arguments.of("20161001T14", "2016-10-01", "14:00", null),
                Arguments.of("20161001T1430", "2016-10-01", "14:30", null),
                Arguments.of("20161001T1430+0530", "2016-10-01", "14:30", 19800),
                Arguments.of("2008-09-03T20:56:35.450686+01", "2008-09-03", "20:56:35.450686", 3600),
                Arguments.of("2012W05", "2012-01-30", null, null),
                Arguments.of("2015W53", "2015-12-28", null, null),
                Arguments.of("2012-W05-5", "2012-02-03", null, null),
                Arguments.of("2012W055", "2012-02-03", null, null),
                Arguments.of("2012-W05T09", "2012-01-30", "09:00", null),
                Arguments.of("2012W05T09", "2012-01-30", "09:00", null),
                Arguments.of("2012-W05-5T09", "2012-02-03", "09:00", null),
                Arguments.of("2012W055T09", "2012-02-03", "09:00", null),
                Arguments.of("T201205", null, "20:12:05", null),
                Arguments.of("20:12:05", null, "20:12:05", null),
                Arguments.of("20:12:05.123456", null, "20:12:05.123456", null),
                Arguments.of("2016:12:26 15:45:28", "2016-12-26", "15:45:28", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("parsedIsoLike")
    void parsesIsoLikeAsDlt(String text, String date, String time, Integer offset) {
        IsoDateTimeParser.Parsed expected = new IsoDateTimeParser.Parsed(date == null ? null : LocalDate.parse(date),
                time == null ? null : LocalTime.parse(time), offset);
        assertEquals(expected, DltTimestamps.parseIsoLike(text), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"201610T", "2012-W54", "2012-W13-8", "2017W53", "/2012", "2012/", "2012-007-05",
        "4 Aug 2015 - 11:20 PM", "2013-11-1", "10-01-01"})
    void refusesIsoLikeAsDlt(String text) {
        assertNull(DltTimestamps.parseIsoLike(text), text);
    }
}
