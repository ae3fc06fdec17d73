package io.chatload.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlainValuesTest {

    @Test
    void timestampsBecomeIsoTextInUtcWithSecondsAlwaysWritten() {
        OffsetDateTime inBerlin = OffsetDateTime.of(2026, 1, 1, 11, 0, 0, 0, ZoneOffset.ofHours(1));
        assertEquals("2026-01-01T10:00:00Z", PlainValues.plain(inBerlin));
        assertEquals("2026-01-01T10:00:00.123456Z",
                PlainValues.plain(OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC)));
        assertEquals("2026-01-01T10:00:00Z", PlainValues.plain(Timestamp.from(Instant.parse("2026-01-01T10:00:00Z"))));
        assertEquals("2026-01-02", PlainValues.plain(LocalDate.of(2026, 1, 2)));
    }

    @Test
    void whatJsonWritesAsItIsStaysAsItIs() {
        assertEquals("text", PlainValues.plain("text"));
        assertEquals(42L, PlainValues.plain(42L));
        assertEquals(new BigDecimal("12345678901234567890"), PlainValues.plain(new BigDecimal("12345678901234567890")));
        assertEquals(true, PlainValues.plain(true));
        assertNull(PlainValues.plain(null));
    }
}
