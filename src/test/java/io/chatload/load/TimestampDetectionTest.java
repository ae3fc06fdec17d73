package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins dlt's default {@code iso_timestamp} detection ({@code dlt/common/schema/detections.py} over
 * {@code dlt.common.time.parse_iso_like_datetime}, i.e. pendulum 3's ISO parser with its "common" format as
 * fallback). Cases from dlt's {@code tests/common/schema/test_detections.py::test_iso_timestamp_detection} and
 * {@code tests/common/test_time.py::test_parse_iso_like_datetime} are marked "dlt"; the others pin pendulum's parser
 * rules ({@code rust/src/parsing.rs}, {@code pendulum/parsing/__init__.py}) where dlt's tests are silent. The value is
 * the UTC instant the column stores.
 */
class TimestampDetectionTest {

    static Stream<Arguments> timestamps() {
        return Stream.of(
                // dlt
                Arguments.of("1975-05-21T22:00:00Z", "1975-05-21T22:00:00Z"),
                Arguments.of("2022-06-01T00:48:35.040Z", "2022-06-01T00:48:35.040Z"),
                Arguments.of("2021-07-24 10:51", "2021-07-24T10:51:00Z"),
                Arguments.of("2021-01-01T05:02:32", "2021-01-01T05:02:32Z"),
                Arguments.of("2021-01-01T05:02:32+08:00", "2020-12-31T21:02:32Z"),
                Arguments.of("2021:01:01 05:02:32", "2021-01-01T05:02:32Z"),
                Arguments.of("2022-04-26 10:36+02", "2022-04-26T08:36:00Z"),
                Arguments.of("2022-05-10T03:41:31.466+0200", "2022-05-10T01:41:31.466Z"),
                Arguments.of("2022-05-10T03:41:31.466000+00:00", "2022-05-10T03:41:31.466Z"),
                Arguments.of("2021-01-01T00:00:00+05:00", "2020-12-31T19:00:00Z"),
                // a space instead of T, reduced precision, basic format
                Arguments.of("2024-01-15 10:00:00", "2024-01-15T10:00:00Z"),
                Arguments.of("2024-01-15T10", "2024-01-15T10:00:00Z"),
                Arguments.of("2024-01-15 10", "2024-01-15T10:00:00Z"),
                Arguments.of("2024-01T10:00", "2024-01-01T10:00:00Z"),
                Arguments.of("20240115T103000", "2024-01-15T10:30:00Z"),
                Arguments.of("20240115 1030", "2024-01-15T10:30:00Z"),
                Arguments.of("20240115T10:30", "2024-01-15T10:30:00Z"),
                // fractions: comma too, digits past microseconds dropped (not rounded)
                Arguments.of("2024-01-15T10:30:00,5Z", "2024-01-15T10:30:00.5Z"),
                Arguments.of("2024-01-15T10:30:00.1234569Z", "2024-01-15T10:30:00.123456Z"),
                // offsets
                Arguments.of("2024-01-15T10:00:00-05:00", "2024-01-15T15:00:00Z"),
                Arguments.of("2024-01-15T10:00:00-0530", "2024-01-15T15:30:00Z"),
                Arguments.of("2024-01-15T10:00:00+20:00", "2024-01-14T14:00:00Z"),
                // ordinal and week dates
                Arguments.of("2024-015T10:00", "2024-01-15T10:00:00Z"),
                Arguments.of("2024-W03-1T10:00", "2024-01-15T10:00:00Z"),
                Arguments.of("2024W031T10:00", "2024-01-15T10:00:00Z"),
                Arguments.of("2020-W53-7 12:00", "2021-01-03T12:00:00Z"),
                // pendulum's common format: / or : in the date, year alone, no separator before the time
                Arguments.of("2024/01/15 10:00", "2024-01-15T10:00:00Z"),
                Arguments.of("2024/01/15 10:00:00|25", "2024-01-15T10:00:00.25Z"),
                Arguments.of("2024 10:00", "2024-01-01T10:00:00Z"),
                Arguments.of("2024011510:00", "2024-01-15T10:00:00Z"),
                Arguments.of("2024/01/15 9:5:7", "2024-01-15T09:05:07Z"),
                Arguments.of("2024/01/15 10:00\n", "2024-01-15T10:00:00Z"),
                Arguments.of("٢٠٢٤/01/15 10:00", "2024-01-15T10:00:00Z"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("timestamps")
    void isATimestamp(String text, String utc) {
        assertEquals(OffsetDateTime.parse(utc), DltTimestamps.detect(text), text);
        assertEquals(DataType.TIMESTAMP, TypeInference.infer(text), text);
        assertEquals(OffsetDateTime.parse(utc), TypeInference.coerce(text, DataType.TIMESTAMP).orElseThrow(), text);
    }

    static Stream<String> notTimestamps() {
        return Stream.of(
                // dlt: dates and times are not timestamps; wrong formats
                "1975-05-21", "22:00:00", "0-05-01T27:00:00Z", "", "1975-05-01T27:00:00Z", "1975-0521T22 00:00",
                "Wed, 29 Jun 2022 13:56:34 +0000", "1975-0521T22:00:00Z",
                // dlt's coercion tests: refused as timestamps
                "now", "2007-03-01T13:00:00Z/2008-05-11T15:30:00Z", "2011--20012", "06/04/22, 11:15PM IST",
                "Tuesday, 13-Sep-22 18:42:31 UTC", "10:36", "x2022-05-10T03:41:31.466000X+00:00", "03:41:31.466",
                // dates in every form, times, durations, numbers
                "2024-01", "20240115", "2024-015", "2024-W03", "2024", "2024/01/15", "T10:00", "10:00:00+02:00",
                "P1D", "PT10H", "12345", "1580405246", "1.5", "42",
                // invalid fields and leftovers
                "2024-01-15T24:00:00", "2024-02-30T10:00:00", "2023-02-29 10:00", "2024-01-15T10:60",
                "2024-01-15T10:00:60", "0000-01-01T00:00:00", "2024-01-15T10:00:00 ", " 2024-01-15T10:00:00",
                "2024-01-15T10:00:00.Z", "2024-01-15T10:00:00+03:0", "2024-01-15T10:00:00+25:00",
                "2024-01-15T10:00:00Z\n", "2024-01-15T10:00:00 UTC", "2024-01-15t10:00:00", "2024-01-15_10:00",
                // basic and extended formats do not mix (seconds given)
                "2024-01-15T1030", "20240115T10:30:00",
                // pendulum's ordinal-day table makes a month's last day invalid
                "2024-031T10:00",
                // the common format needs a minute and a real date
                "2024/01/15 10:", "2024/13/15 10:00", "2024/01/15 25:00",
                // ISO digits are ASCII only
                "٢٠٢٤-01-15T10:00:00");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("notTimestamps")
    void isNotATimestamp(String text) {
        assertNull(DltTimestamps.detect(text), text);
        assertEquals(DataType.TEXT, TypeInference.infer(text), text);
    }
}
