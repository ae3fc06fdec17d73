package io.chatload.source;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Which failed requests are worth another try, and when: 429, 408 and 5xx answers, I/O errors (resets, timeouts) and
 * bodies that are not the JSON they claim to be (truncated, an HTML error page). A 429 or 503's {@code Retry-After}
 * (seconds or an HTTP date) sets the wait when it is positive; otherwise Camel's exponential backoff with jitter
 * does, between {@code initialDelayMs} and {@code maxDelayMs}, for at most {@code maxAttempts} attempts.
 */
public record RetryPolicy(int maxAttempts, long initialDelayMs, long maxDelayMs, Clock clock) {

    public RetryPolicy {
        if (maxAttempts < 1 || initialDelayMs < 0 || maxDelayMs < initialDelayMs) {
            throw new IllegalArgumentException("retry settings need maxAttempts >= 1 and 0 <= initial delay <= max delay");
        }
    }

    public boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status == 429 || status == 408 || status >= 500;
            }
            if (t instanceof BadResponseException bad) {
                return bad.transientFault();
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The wait the API asked for, capped at {@code maxDelayMs}, or -1 when it asked for none (or for none in the future). */
    public long retryAfterMs(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http && http.getResponseHeaders() != null) {
                String value = header(http.getResponseHeaders(), "Retry-After");
                long ms = value == null ? -1 : parseRetryAfter(value.trim());
                return ms <= 0 ? -1 : Math.min(ms, maxDelayMs);
            }
        }
        return -1;
    }

    long parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value)).toMillis();
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(clock.instant(), at.toInstant()).toMillis();
            } catch (DateTimeParseException notADate) {
                return -1;
            }
        }
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
