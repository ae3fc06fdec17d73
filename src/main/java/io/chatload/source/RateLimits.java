package io.chatload.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

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

    private final ToIntFunction<String> budgets;
    private final Clock clock;
    /** Each source's budget, read once from {@code budgets} (the Throttle asks on every request). */
    private final Map<String, Integer> perSecond = new ConcurrentHashMap<>();
    private final Map<String, Instant> throttledUntil = new ConcurrentHashMap<>();

    /** @param budgets each source's requests per second, by source name (any source, not only the shipped ones) */
    public RateLimits(ToIntFunction<String> budgets, Clock clock) {
        this.budgets = budgets;
        this.clock = clock;
    }

    public RateLimits(Map<String, Integer> perSecond, Clock clock) {
        this(source -> perSecond.getOrDefault(source, 0), clock);
    }

    private int limit(String source) {
        return perSecond.computeIfAbsent(source, budgets::applyAsInt);
    }

    /** Requests the source may make per second now. */
    public int permits(String source) {
        int limit = limit(source);
        if (limit <= 0) {
            return UNLIMITED;
        }
        Instant until = throttledUntil.get(source);
        return until != null && clock.instant().isBefore(until) ? Math.max(1, limit / 2) : limit;
    }

    /** Whether the source has a budget at all. */
    public boolean limited(String source) {
        return limit(source) > 0;
    }

    /** The API answered 429. */
    public void throttled(String source) {
        throttledUntil.put(source, clock.instant().plus(COOL_DOWN));
    }
}
