package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcut for the common timestamp shape must read every text it takes as dlt's general parsing reads it. */
class UtcTimestampTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2025-02-05T14:22:54.231Z", "2025-02-05T14:22:54Z", "2025-02-05T14:22:54.1Z",
        "2025-02-05T14:22:54.123456Z", "2025-02-05T14:22:54.231+00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
        "2024-02-29T00:00:00Z"})
    void takesTheCommonShapeAsTheGeneralParsingReadsIt(String text) {
        OffsetDateTime quick = UtcTimestampText.parse(text);
        assertNotNull(quick, text);
        assertEquals(general(text), quick);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2025-02-05T14:22:54.1234567Z", "2025-02-05T14:22:54.Z", "2025-02-05T14:22:54+01:00",
        "2025-02-05 14:22:54Z", "2025-02-05t14:22:54Z", "2025-02-05T14:22:54z", "2025-02-05T14:22:54", "2025-02-30T14:22:54Z",
        "2025-02-05T24:00:00Z", "2025-02-05T14:22:60Z", "0000-01-01T00:00:00Z", "2025-02-05T14:22:5aZ", "2025-2-05T14:22:54Z",
        "+2025-02-05T14:22:54Z", "2025-02-05T14:22:54.-1Z", "", "Z"})
    void leavesEveryOtherTextToTheGeneralParsing(String text) {
        assertNull(UtcTimestampText.parse(text), text);
    }

    /** Texts of the shape and near it, valid or not: whatever the shortcut reads, the general parsing reads the same. */
    @Test
    void readsNothingDifferentlyFromTheGeneralParsing() {
        Random random = new Random(7);
        String[] zones = {"Z", "+00:00", "z", "+01:00", "", "-00:00"};
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(62));
            int digits = random.nextInt(9);
            if (digits > 0) {
                text += "." + String.valueOf(random.nextLong() & Long.MAX_VALUE).substring(0, digits);
            }
            text += zones[random.nextInt(zones.length)];
            OffsetDateTime quick = UtcTimestampText.parse(text);
            if (quick != null) {
                taken++;
                assertEquals(general(text), quick, text);
            }
        }
        assertEquals(true, taken > 2_000, "the shortcut took " + taken + " of 20000 texts");
    }

    /** What a text column value became in a timestamp column before the shortcut. */
    private static OffsetDateTime general(String text) {
        OffsetDateTime parsed = DltTimestamps.fromText(text);
        return parsed == null ? null : parsed.truncatedTo(ChronoUnit.MICROS);
    }
}
