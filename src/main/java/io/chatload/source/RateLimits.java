package io.chatload.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The request budget of each API, in requests per second, shared by every route and fan-out worker of that API
 * (Camel's Throttle reads it per request). A 429 halves the budget, and it climbs back evenly to the whole budget,
 * half of it per {@link #RECOVERY}: the load backs off as a whole instead of each request on its own, as TCP's
 * congestion control does (additive increase, multiplicative decrease). A 429 that comes while the budget still
 * climbs halves it again, so an API that keeps refusing is asked less and less (down to 1 request a second); 429s
 * that come within {@link #SAME_OVERLOAD} of a halving answered requests sent before it, and change nothing. 0
 * means no limit (the sandbox, a private deployment).
 */
public final class RateLimits {

    /** How long a halved budget takes to climb back to the whole budget. */
    static final Duration RECOVERY = Duration.ofSeconds(30);
    /** 429s this soon after a halving answer the same overload: the requests in flight when the budget was cut. */
    static final Duration SAME_OVERLOAD = Duration.ofSeconds(1);
    /** "No limit": far above what the fan-out can ask, yet small, since Camel's Throttle keeps one permit per request. */
    static final int UNLIMITED = 10_000;

    private final ToIntFunction<String> budgets;
    private final Clock clock;
    /** Each source's budget, read once from {@code budgets} (the Throttle asks on every request). */
    private final Map<String, Integer> perSecond = new ConcurrentHashMap<>();
    /** Each throttled source's last halving; once its budget climbed back, it limits nothing. */
    private final Map<String, Cut> cuts = new ConcurrentHashMap<>();

    /** The budget a 429 left, and when. */
    private record Cut(int permits, Instant at) {
    }

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
        Cut cut = cuts.get(source);
        return cut == null ? limit : climbed(cut, limit, clock.instant());
    }

    /** Whether the source has a budget at all. */
    public boolean limited(String source) {
        return limit(source) > 0;
    }

    /** The API answered 429. */
    public void throttled(String source) {
        int limit = limit(source);
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        cuts.compute(source, (s, cut) -> cut != null && now.isBefore(cut.at().plus(SAME_OVERLOAD)) ? cut
                : new Cut(Math.max(1, (cut == null ? limit : climbed(cut, limit, now)) / 2), now));
    }

    /** The cut budget plus what it climbed since: half the whole budget per {@link #RECOVERY}, at most the whole. */
    private static int climbed(Cut cut, int limit, Instant now) {
        long elapsedMs = Math.max(0, Duration.between(cut.at(), now).toMillis());
        long climb = elapsedMs * limit / (2 * RECOVERY.toMillis());
        return (int) Math.min(limit, cut.permits() + climb);
    }
}
