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
    private final RetryPolicy policy = new RetryPolicy(5, 500, 30_000, Clock.fixed(NOW, ZoneOffset.UTC));

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
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 1, 2, Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, 10, 5, Clock.systemUTC()));
    }
}
