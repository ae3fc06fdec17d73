package io.chatload.sandbox;

import java.util.List;
import java.util.Random;

/**
 * The only source of randomness for generated data. Each kind of record draws from its own stream, named by a
 * label, so that changing how many bots there are does not reshuffle the visitors. Only the methods of
 * {@link Random} whose algorithm its Javadoc fixes are used, so a seed means the same data on every JDK.
 */
final class SeededRandom {
    private final Random random;

    SeededRandom(long seed, String stream) {
        this.random = new Random(mix(seed, stream));
    }

    /** A number in [0, bound). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A number in [min, max], both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A number in [0, bound) for spans too wide for an int, such as milliseconds over years. */
    long belowLong(long bound) {
        return Math.floorMod(random.nextLong(), bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    String hex(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    /** SplitMix64's finaliser: nearby seeds and labels still give unrelated streams. */
    private static long mix(long seed, String stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
