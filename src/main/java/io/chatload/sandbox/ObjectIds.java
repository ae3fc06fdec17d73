package io.chatload.sandbox;

/**
 * Chaport's ids look like MongoDB ObjectIds: 24 lowercase hex digits made of the creation second, a per-process
 * part and a counter. Generating them the same way makes them realistic and the counter keeps them unique.
 */
final class ObjectIds {
    private final String process;
    private int counter;

    ObjectIds(SeededRandom random) {
        this.process = random.hex(10);
        this.counter = random.below(1 << 24);
    }

    String next(long createdAtMillis) {
        counter = (counter + 1) & 0xFFFFFF;
        return String.format("%08x%s%06x", createdAtMillis / 1000, process, counter);
    }
}
