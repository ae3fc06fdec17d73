package io.chatload.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The time of every change made after generation: added chats and messages, sent messages, new hooks, dispatches.
 * It starts where all generated data ends and only moves forward, so every change is newer than anything generated
 * and than every earlier change, and a test that makes the same changes gets the same times on every run.
 */
final class MutationClock {
    private final AtomicLong now = new AtomicLong(Timestamps.EPOCH_MILLIS);

    /** Moves the clock forward by the given step (at least a millisecond) and returns the new time. */
    long advance(long millis) {
        return now.addAndGet(Math.max(1, millis));
    }
}
