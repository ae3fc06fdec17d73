package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RetryPolicy policy = withJitter(0.5);

    /** Initial delay 100 ms, throttled 500 ms, at most 30 s; the jitter always draws {@code draw}. */
    private static RetryPolicy withJitter(double draw) {
        return new RetryPolicy(5, 100, 500, 30_000, CLOCK, () -> draw);
    }

    private static HttpOperationFailedException http(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("http://h/x", status, "status", null, headers, "body");
    }

    @Test
    void busyAndFailingAnswersAndNetworkErrorsAreRetried() {
        for (int status : new int[] {429, 408, 500, 502, 503, 504}) {
            assertTrue(policy.retryable(http(status, Map.of())), "HTTP " + status);
        }
        assertTrue(policy.retryable(new RuntimeCamelException(new SocketTimeoutException("Read timed out"))));
        assertTrue(policy.retryable(new IOException("Connection reset")));
        assertTrue(policy.retryable(new BadResponseException("cut short", null, true)));
    }

    @Test
    void refusalsMissingPagesAndWrongShapesAreNot() {
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            assertFalse(policy.retryable(http(status, Map.of())), "HTTP " + status);
        }
        assertFalse(policy.retryable(new BadResponseException("no 'result'")));
        assertFalse(policy.retryable(new IllegalStateException("a bug")));
    }

    @Test
    void retryAfterInSecondsOrAsADateSetsTheWaitWithinTheCap() {
        assertEquals(2_000, policy.retryAfterMs(http(429, Map.of("Retry-After", "2"))));
        assertEquals(7_000, policy.retryAfterMs(http(503, Map.of("retry-after", "Sat, 21 Nov 2026 12:00:07 GMT"))));
        assertEquals(30_000, policy.retryAfterMs(http(429, Map.of("Retry-After", "3600"))), "capped at the max delay");
    }

    @Test
    void aMissingZeroNegativePastOrGarbledRetryAfterLeavesItToTheBackoff() {
        assertEquals(-1, policy.retryAfterMs(http(429, Map.of())));
        assertEquals(-1, policy.retryAfterMs(http(429, Map.of("Retry-After", "0"))));
        assertEquals(-1, policy.retryAfterMs(http(429, Map.of("Retry-After", "-5"))));
        assertEquals(-1, policy.retryAfterMs(http(429, Map.of("Retry-After", "Sat, 21 Nov 2026 11:00:00 GMT"))));
        assertEquals(-1, policy.retryAfterMs(http(429, Map.of("Retry-After", "soon"))));
        assertEquals(-1, policy.retryAfterMs(new IOException("reset")));
    }

    @Test
    void aTransientFailureWaitsARandomShareOfADoublingCeiling() {
        Throwable serverError = http(503, Map.of());
        assertEquals(50, policy.delayMs(serverError, 1), "half of 100 ms");
        assertEquals(100, policy.delayMs(serverError, 2), "half of 200 ms");
        assertEquals(400, policy.delayMs(new IOException("Connection reset"), 4), "half of 800 ms");
        assertEquals(0, withJitter(0).delayMs(serverError, 1), "full jitter: the first retry may go at once");
        assertEquals(99, withJitter(0.999).delayMs(serverError, 1));
        assertEquals(15_000, policy.delayMs(serverError, 30), "half of the 30 s cap");
        assertEquals(15_000, policy.delayMs(serverError, 100), "no overflow past 63 doublings");
    }

    @Test
    void aThrottledRequestWithoutRetryAfterWaitsAtLeastHalfOfItsLongerCeiling() {
        Throwable tooMany = http(429, Map.of());
        assertEquals(250, withJitter(0).delayMs(tooMany, 1), "never less than half of 500 ms");
        assertEquals(375, policy.delayMs(tooMany, 1));
        assertEquals(999, withJitter(0.999).delayMs(tooMany, 2), "up to 1 s at the second retry");
        assertEquals(29_999, withJitter(0.999999).delayMs(tooMany, 20), "within the 30 s cap");
    }

    @Test
    void retryAfterIsWaitedExactlyWhateverTheTry() {
        assertEquals(1_000, withJitter(0).delayMs(http(429, Map.of("Retry-After", "1")), 1));
        assertEquals(1_000, withJitter(0.999).delayMs(http(429, Map.of("Retry-After", "1")), 4));
        assertEquals(7_000, policy.delayMs(http(503, Map.of("Retry-After", "Sat, 21 Nov 2026 12:00:07 GMT")), 1));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, 10, 1, 5));
        assertEquals(500, new RetryPolicy(3, 1, 5_000, 1_000, CLOCK, () -> 0).delayMs(http(429, Map.of()), 1),
                "a throttled delay above the max is the max: at least half of it");
    }
}
