package io.chatload.source;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

/**
 * Which failed requests are worth another try, and when: 429, 408 and 5xx answers, I/O errors (resets, timeouts) and
 * bodies that are not the JSON they claim to be (truncated, an HTML error page). A 429 or 503's {@code Retry-After}
 * (seconds or an HTTP date) sets the wait when it is positive: the server said when. Otherwise the wait doubles at
 * each try up to {@code maxDelayMs}, with jitter, as AWS's SDKs and Google's client libraries back off:
 * <ul>
 *   <li>a transient failure (5xx, reset, timeout, bad body) waits a random time from 0 to
 *       {@code initialDelayMs} x 2^(retry - 1) ("full jitter"): such a failure is one request's bad luck, most
 *       clear at once, and the random spread keeps many clients that failed together from retrying together;</li>
 *   <li>a 429 without {@code Retry-After} waits from half to all of {@code throttledDelayMs} x 2^(retry - 1)
 *       ("equal jitter"): the API said the client asks too much, so never less than half that wait (the API's
 *       whole request budget is slowed down too, see {@link RateLimits}).</li>
 * </ul>
 * At most {@code maxAttempts} tries per request.
 *
 * @param jitter a random number from 0 (inclusive) to 1 (exclusive) at each call; a fixed one in tests
 */
public record RetryPolicy(int maxAttempts, long initialDelayMs, long throttledDelayMs, long maxDelayMs, Clock clock,
                          DoubleSupplier jitter) {

    public RetryPolicy {
        // a throttled delay above the max is the max: lowering the max alone keeps working
        if (maxAttempts < 1 || initialDelayMs < 0 || throttledDelayMs < 0 || maxDelayMs < initialDelayMs) {
            throw new IllegalArgumentException("retry settings need maxAttempts >= 1 and 0 <= initial delay <= max delay");
        }
    }

    /** With the system clock and a random jitter. */
    public RetryPolicy(int maxAttempts, long initialDelayMs, long throttledDelayMs, long maxDelayMs) {
        this(maxAttempts, initialDelayMs, throttledDelayMs, maxDelayMs, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * How long to wait before retrying a request that failed with {@code failure}: its {@code Retry-After}, else the
     * backoff of its kind.
     *
     * @param retry which retry comes: 1 after the first try failed
     */
    public long delayMs(Throwable failure, int retry) {
        long asked = retryAfterMs(failure);
        if (asked >= 0) {
            return asked;
        }
        if (throttled(failure)) {
            long ceiling = ceiling(throttledDelayMs, retry);
            return ceiling / 2 + (long) (jitter.getAsDouble() * (ceiling - ceiling / 2));
        }
        return (long) (jitter.getAsDouble() * ceiling(initialDelayMs, retry));
    }

    /** The base doubled for each retry after the first, at most {@code maxDelayMs} (and no overflow on the way). */
    private long ceiling(long base, int retry) {
        int doublings = Math.max(0, Math.min(retry - 1, 62));
        return base > maxDelayMs >> doublings ? maxDelayMs : Math.min(maxDelayMs, base << doublings);
    }

    private static boolean throttled(Throwable failure) {
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        return http != null && http.getStatusCode() == 429;
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
    long retryAfterMs(Throwable failure) {
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
