package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anySourceHasTheBudgetItsSettingNamesReadOnce() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        RateLimits limits = new RateLimits(source -> {
            asked.add(source);
            return source.equals("helpdesk") ? 3 : 0;
        }, new ManualClock());
        assertEquals(3, limits.permits("helpdesk"));
        assertEquals(3, limits.permits("helpdesk"));
        assertEquals(RateLimits.UNLIMITED, limits.permits("acme"));
        assertEquals(java.util.List.of("helpdesk", "acme"), asked);
    }

    @Test
    void eachApiHasItsBudgetAndA429HalvesItForAWhile() {
        ManualClock clock = new ManualClock();
        RateLimits limits = new RateLimits(Map.of("chaport", 20, "chatforma", 5), clock);
        assertEquals(20, limits.permits("chaport"));
        limits.throttled("chaport");
        assertEquals(10, limits.permits("chaport"));
        assertEquals(5, limits.permits("chatforma"), "the other API is not slowed down");
        clock.now = clock.now.plus(RateLimits.COOL_DOWN).plus(Duration.ofMillis(1));
        assertEquals(20, limits.permits("chaport"));
    }

    @Test
    void zeroOrUnknownMeansNoLimitAndOneStaysOne() {
        RateLimits limits = new RateLimits(Map.of("chaport", 0, "chatforma", 1), Clock.systemUTC());
        assertEquals(RateLimits.UNLIMITED, limits.permits("chaport"));
        assertEquals(RateLimits.UNLIMITED, limits.permits("other"));
        limits.throttled("chatforma");
        assertEquals(1, limits.permits("chatforma"));
    }
}
