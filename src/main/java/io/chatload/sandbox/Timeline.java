package io.chatload.sandbox;

/** Places a run of events on the time line so that the last one happens at a given moment. */
final class Timeline {
    private Timeline() {
    }

    /**
     * Times for {@code gaps.length + 1} events in ascending order: the last at {@code end}, each earlier one a gap
     * before the next. When the gaps do not fit after {@code earliest}, they shrink in proportion, so the first event
     * is never before it.
     *
     * @param gaps milliseconds between consecutive events, not negative
     */
    static long[] endingAt(long end, long earliest, long[] gaps) {
        long total = 0;
        for (long gap : gaps) {
            total += gap;
        }
        double scale = total > end - earliest ? (double) Math.max(0, end - earliest) / total : 1.0;
        long floor = Math.min(earliest, end);
        long[] times = new long[gaps.length + 1];
        times[gaps.length] = end;
        for (int i = gaps.length - 1; i >= 0; i--) {
            // the clamp only catches floating-point rounding past the start
            times[i] = Math.max(floor, times[i + 1] - (long) (gaps[i] * scale));
        }
        return times;
    }
}
