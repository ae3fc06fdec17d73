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
    void eachApiHasItsBudgetAndA429HalvesItThenItClimbsBackEvenly() {
        ManualClock clock = new ManualClock();
        RateLimits limits = new RateLimits(Map.of("chaport", 20, "chatforma", 5), clock);
        assertEquals(20, limits.permits("chaport"));
        limits.throttled("chaport");
        assertEquals(10, limits.permits("chaport"));
        assertEquals(5, limits.permits("chatforma"), "the other API is not slowed down");
        clock.now = clock.now.plus(RateLimits.RECOVERY.dividedBy(2));
        assertEquals(15, limits.permits("chaport"), "half way back after half the recovery");
        clock.now = clock.now.plus(RateLimits.RECOVERY.dividedBy(2));
        assertEquals(20, limits.permits("chaport"));
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertEquals(20, limits.permits("chaport"), "never above the budget");
    }

    @Test
    void anApiThatKeepsRefusingIsAskedLessAndLess() {
        ManualClock clock = new ManualClock();
        RateLimits limits = new RateLimits(Map.of("chaport", 20), clock);
        limits.throttled("chaport");
        limits.throttled("chaport");
        clock.now = clock.now.plus(RateLimits.SAME_OVERLOAD.minusMillis(1));
        limits.throttled("chaport");
        assertEquals(10, limits.permits("chaport"), "429s to requests sent before the halving change nothing");
        clock.now = clock.now.plusMillis(1);
        limits.throttled("chaport");
        assertEquals(5, limits.permits("chaport"), "halved again from where it stood");
        for (int i = 0; i < 5; i++) {
            clock.now = clock.now.plus(RateLimits.SAME_OVERLOAD);
            limits.throttled("chaport");
        }
        assertEquals(1, limits.permits("chaport"), "at least 1 request a second");
        clock.now = clock.now.plus(RateLimits.RECOVERY.multipliedBy(2));
        assertEquals(20, limits.permits("chaport"), "whole again, from 1, after twice the recovery");
    }

    @Test
    void zeroOrUnknownMeansNoLimitAndOneStaysOne() {
        RateLimits limits = new RateLimits(Map.of("chaport", 0, "chatforma", 1), Clock.systemUTC());
        assertEquals(RateLimits.UNLIMITED, limits.permits("chaport"));
        assertEquals(RateLimits.UNLIMITED, limits.permits("other"));
        limits.throttled("chatforma");
        assertEquals(1, limits.permits("chatforma"));
        limits.throttled("chaport");
        assertEquals(RateLimits.UNLIMITED, limits.permits("chaport"), "a 429 does not make up a budget");
    }
}
