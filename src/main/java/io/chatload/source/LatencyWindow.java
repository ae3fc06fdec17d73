package io.chatload.source;

import java.util.Arrays;

/**
 * The last GETs of one API: how long each waited for its answer (until the status line and headers came), or that it
 * was cut short ({@link SlowAnswerCutoff}). Its high percentile says how long a normal answer takes at worst; its share
 * of cuts keeps the cutting to a few per cent of the requests.
 */
final class LatencyWindow {

    private static final long CUT = -1;

    private final long[] entries;
    private int next;
    private int filled;

    LatencyWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a latency window needs room for one request");
        }
        this.entries = new long[size];
    }

    synchronized void answered(long millis) {
        add(Math.max(0, millis));
    }

    synchronized void cut() {
        add(CUT);
    }

    private void add(long entry) {
        entries[next] = entry;
        next = (next + 1) % entries.length;
        filled = Math.min(filled + 1, entries.length);
    }

    /** The answers and cuts in the window, with the answers' latency at {@code quantile} (nearest rank; -1 for none). */
    synchronized Recent recent(double quantile) {
        long[] answers = new long[filled];
        int count = 0;
        for (int i = 0; i < filled; i++) {
            if (entries[i] != CUT) {
                answers[count++] = entries[i];
            }
        }
        if (count == 0) {
            return new Recent(0, filled, -1);
        }
        Arrays.sort(answers, 0, count);
        int rank = (int) Math.ceil(quantile * count);
        return new Recent(count, filled - count, answers[Math.max(0, Math.min(count, rank) - 1)]);
    }

    /**
     * @param answers     GETs in the window that got an answer
     * @param cuts        GETs in the window cut short
     * @param percentileMs the answers' latency at the quantile asked, -1 without answers
     */
    record Recent(int answers, int cuts, long percentileMs) {
    }
}
