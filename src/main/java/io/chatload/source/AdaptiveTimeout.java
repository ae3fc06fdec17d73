package io.chatload.source;

/**
 * How long a GET may wait for its answer before it is cut short and tried again: {@code multiplier} times the API's
 * recent 99th percentile, at least {@code floorMs}, at most the read timeout. A page cut before waits
 * {@value #ESCALATION} times longer at each later try, so an answer that is slow every time still comes (within the
 * read timeout). A cold start's few answers say little: until an API has answered its first GET, each GET waits two
 * steps longer (16 times the floor), until it has answered {@value #WARM_ANSWERS} one step. Once
 * {@code maxCutPercent} or more of an API's recent GETs were cut, the read timeout applies again: an API that slowed
 * down as a whole is waited for, not asked twice as often. POSTs are never cut short (they are not repeated safely).
 *
 * @param enabled       false: every request waits the read timeout
 * @param floorMs       the least a GET waits for its answer
 * @param multiplier    how many times the recent 99th percentile a GET waits
 * @param maxCutPercent the share of recent GETs (in per cent) that may be cut short
 */
public record AdaptiveTimeout(boolean enabled, int floorMs, int multiplier, int maxCutPercent) {

    /** chatload's defaults, as application.properties sets them. */
    public static final AdaptiveTimeout DEFAULTS = new AdaptiveTimeout(true, 1_000, 4, 5);
    public static final AdaptiveTimeout OFF = new AdaptiveTimeout(false, 1_000, 4, 5);

    /** The recent GETs an API's percentile is taken over. */
    static final int WINDOW = 500;
    static final double QUANTILE = 0.99;
    /** Answers after which the percentile is trusted as it is; before, each wait is one step longer. */
    static final int WARM_ANSWERS = 10;
    /** Each earlier cut of the same page makes the next try wait this many times longer. */
    static final int ESCALATION = 4;

    public AdaptiveTimeout {
        if (floorMs < 1 || multiplier < 1 || maxCutPercent < 1 || maxCutPercent > 100) {
            throw new IllegalArgumentException("adaptive timeout settings need floor >= 1 ms, multiplier >= 1 and a cut "
                    + "share of 1 to 100 per cent");
        }
    }

    /**
     * The wait for a GET's answer, in ms.
     *
     * @param recent        the API's recent GETs
     * @param earlierCuts   how often this very request was cut short before
     * @param readTimeoutMs the configured read timeout: the most any request waits
     */
    long timeoutMs(LatencyWindow.Recent recent, int earlierCuts, long readTimeoutMs) {
        boolean capReached = recent.cuts() > 0
                && recent.cuts() * 100L >= (long) maxCutPercent * (recent.answers() + recent.cuts());
        if (!enabled || capReached) {
            return readTimeoutMs;
        }
        int steps = earlierCuts + (recent.answers() == 0 ? 2 : recent.answers() < WARM_ANSWERS ? 1 : 0);
        long wait = Math.max(floorMs, multiplier * Math.max(0, recent.percentileMs()));
        for (int i = 0; i < steps && wait < readTimeoutMs; i++) {
            wait *= ESCALATION;
        }
        return Math.min(readTimeoutMs, wait);
    }
}
