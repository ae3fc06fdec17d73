package io.chatload.outbox;

import io.chatload.config.ChatloadConfig;
import java.time.Duration;

/**
 * How the outboxes are drained; the same for every outbox.
 *
 * @param pollInterval how often the Quartz trigger drains each outbox ({@code chatload.outbox.poll-interval-ms})
 * @param batchSize    due rows read per query while draining; a drain reads batches until none is left
 *                     ({@code chatload.outbox.batch-size})
 * @param parallelism  rows of one outbox being sent at the same time ({@code chatload.outbox.parallelism}); also the
 *                     most rows a killed process can leave in the crash window
 * @param maxAttempts  attempts before a row that keeps meeting retryable errors is marked failed
 *                     ({@code chatload.outbox.max-attempts})
 */
public record OutboxSettings(Duration pollInterval, int batchSize, int parallelism, int maxAttempts) {

    public OutboxSettings {
        if (pollInterval == null || pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pollInterval must be at least 1 ms, got " + pollInterval);
        }
        requirePositive("batchSize", batchSize);
        requirePositive("parallelism", parallelism);
        requirePositive("maxAttempts", maxAttempts);
    }

    public static OutboxSettings defaults() {
        return new OutboxSettings(Duration.ofSeconds(10), 100, 4, 5);
    }

    /** The {@code chatload.outbox.*} keys, each falling back to {@link #defaults()}. */
    public static OutboxSettings from(ChatloadConfig config) {
        OutboxSettings d = defaults();
        int intervalMs = config.getInt("chatload.outbox.poll-interval-ms", (int) d.pollInterval().toMillis(), 1);
        return new OutboxSettings(Duration.ofMillis(intervalMs),
                config.getInt("chatload.outbox.batch-size", d.batchSize(), 1),
                config.getInt("chatload.outbox.parallelism", d.parallelism(), 1),
                config.getInt("chatload.outbox.max-attempts", d.maxAttempts(), 1));
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
