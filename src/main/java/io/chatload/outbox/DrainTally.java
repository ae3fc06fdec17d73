package io.chatload.outbox;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the outcomes of one drain; its rows are sent on several threads. */
final class DrainTally {
    private final String outbox;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();

    DrainTally(String outbox) {
        this.outbox = outbox;
    }

    void count(OutboxStatus status) {
        switch (status) {
            case SENT -> sent.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case PENDING -> retried.incrementAndGet();
            case UNKNOWN -> unknown.incrementAndGet();
            case SENDING -> throw new IllegalArgumentException("sending is not an outcome");
        }
    }

    DrainResult result() {
        return new DrainResult(outbox, sent.get(), failed.get(), retried.get(), unknown.get());
    }
}
