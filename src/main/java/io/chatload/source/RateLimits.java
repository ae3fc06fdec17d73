package io.chatload.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request budget of each API, in requests per second, shared by every route and fan-out worker of that API
 * (Camel's Throttle reads it per request). After a 429 the budget is halved for a while, so the load backs off
 * as a whole instead of each request on its own. 0 means no limit (the sandbox, a private deployment).
 */
public final class RateLimits {

    /** How long a 429 halves the budget. */
    static final Duration COOL_DOWN = Duration.ofSeconds(30);
    /** "No limit": far above what the fan-out can ask, yet small, since Camel's Throttle keeps one permit per request. */
    static final int UNLIMITED = 10_000;

    private final Map<String, Integer> perSecond;
    private final Clock clock;
    private final Map<String, Instant> throttledUntil = new ConcurrentHashMap<>();

    public RateLimits(Map<String, Integer> perSecond, Clock clock) {
        this.perSecond = Map.copyOf(perSecond);
        this.clock = clock;
    }

    /** Requests the source may make per second now. */
    public int permits(String source) {
        int limit = perSecond.getOrDefault(source, 0);
        if (limit <= 0) {
            return UNLIMITED;
        }
        Instant until = throttledUntil.get(source);
        return until != null && clock.instant().isBefore(until) ? Math.max(1, limit / 2) : limit;
    }

    /** Whether the source has a budget at all. */
    public boolean limited(String source) {
        return perSecond.getOrDefault(source, 0) > 0;
    }

    /** The API answered 429. */
    public void throttled(String source) {
        throttledUntil.put(source, clock.instant().plus(COOL_DOWN));
    }
}
