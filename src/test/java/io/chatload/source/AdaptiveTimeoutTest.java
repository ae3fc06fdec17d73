package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How long a GET waits for its answer, from the API's recent GETs. */
class AdaptiveTimeoutTest {

    private static final long READ_TIMEOUT = 60_000;
    private final AdaptiveTimeout timeout = new AdaptiveTimeout(true, 1_000, 4, 5);

    private static LatencyWindow.Recent recent(int answers, int cuts, long p99) {
        return new LatencyWindow.Recent(answers, cuts, p99);
    }

    @Test
    void aGetWaitsMultiplierTimesTheRecentPercentile() {
        assertEquals(2_000, timeout.timeoutMs(recent(400, 0, 500), 0, READ_TIMEOUT));
    }

    @Test
    void neverLessThanTheFloor() {
        assertEquals(1_000, timeout.timeoutMs(recent(400, 0, 3), 0, READ_TIMEOUT));
    }

    @Test
    void neverMoreThanTheReadTimeout() {
        assertEquals(READ_TIMEOUT, timeout.timeoutMs(recent(400, 0, 20_000), 0, READ_TIMEOUT));
    }

    @Test
    void untilAnApiAnsweredItsGetsWaitTwoStepsLongerThenOneUntilItIsWarm() {
        assertEquals(16_000, timeout.timeoutMs(recent(0, 0, -1), 0, READ_TIMEOUT));
        assertEquals(READ_TIMEOUT, timeout.timeoutMs(recent(0, 0, -1), 1, READ_TIMEOUT));
        assertEquals(4_000, timeout.timeoutMs(recent(1, 0, 5), 0, READ_TIMEOUT));
        assertEquals(4_000, timeout.timeoutMs(recent(AdaptiveTimeout.WARM_ANSWERS - 1, 0, 5), 0, READ_TIMEOUT));
        assertEquals(1_000, timeout.timeoutMs(recent(AdaptiveTimeout.WARM_ANSWERS, 0, 5), 0, READ_TIMEOUT));
    }

    @Test
    void aPageCutBeforeWaitsFourTimesLongerAtEachTry() {
        assertEquals(4_000, timeout.timeoutMs(recent(400, 1, 5), 1, READ_TIMEOUT));
        assertEquals(16_000, timeout.timeoutMs(recent(400, 2, 5), 2, READ_TIMEOUT));
        assertEquals(READ_TIMEOUT, timeout.timeoutMs(recent(400, 3, 5), 3, READ_TIMEOUT));
        assertEquals(READ_TIMEOUT, timeout.timeoutMs(recent(400, 4, 5), 40, READ_TIMEOUT));
    }

    @Test
    void noMoreCutsOnceTheCapOfRecentGetsWasCut() {
        // 4 cuts in 100 GETs: under 5 %; 5 in 100: the cap
        assertEquals(1_000, timeout.timeoutMs(recent(96, 4, 5), 0, READ_TIMEOUT));
        assertEquals(READ_TIMEOUT, timeout.timeoutMs(recent(95, 5, 5), 0, READ_TIMEOUT));
    }

    @Test
    void offWaitsTheReadTimeout() {
        assertEquals(READ_TIMEOUT, AdaptiveTimeout.OFF.timeoutMs(recent(400, 0, 5), 0, READ_TIMEOUT));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveTimeout(true, 0, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveTimeout(true, 1_000, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveTimeout(true, 1_000, 4, 101));
    }
}
