package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The recent GETs of an API: their high percentile by nearest rank, cuts counted apart, the oldest forgotten. */
class LatencyWindowTest {

    @Test
    void theNinetyNinthPercentileOfAHundredAnswersIsTheSecondLargest() {
        LatencyWindow window = new LatencyWindow(500);
        for (int ms = 1; ms <= 100; ms++) {
            window.answered(ms);
        }
        assertEquals(new LatencyWindow.Recent(100, 0, 99), window.recent(0.99));
        assertEquals(50, window.recent(0.5).percentileMs());
    }

    @Test
    void withFewAnswersTheHighPercentileIsTheLargest() {
        LatencyWindow window = new LatencyWindow(500);
        window.answered(30);
        window.answered(700);
        window.answered(20);
        assertEquals(700, window.recent(0.99).percentileMs());
    }

    @Test
    void cutsAreCountedButAreNoLatency() {
        LatencyWindow window = new LatencyWindow(500);
        window.answered(10);
        window.cut();
        window.answered(12);
        assertEquals(new LatencyWindow.Recent(2, 1, 12), window.recent(0.99));
    }

    @Test
    void anEmptyWindowHasNoPercentile() {
        assertEquals(new LatencyWindow.Recent(0, 0, -1), new LatencyWindow(4).recent(0.99));
        LatencyWindow onlyCuts = new LatencyWindow(4);
        onlyCuts.cut();
        assertEquals(new LatencyWindow.Recent(0, 1, -1), onlyCuts.recent(0.99));
    }

    @Test
    void theOldestRequestsLeaveTheWindow() {
        LatencyWindow window = new LatencyWindow(3);
        window.answered(5_000);
        window.cut();
        window.answered(10);
        window.answered(20);
        window.answered(30);
        assertEquals(new LatencyWindow.Recent(3, 0, 30), window.recent(0.99));
    }
}
