package io.chatload.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which requests fail, for one setting of {@link SandboxFaults}. A request's fault depends only on the seed,
 * its method, its target (raw path and query) and how many times that same method and target were asked before
 * under this plan. So a retry draws anew and may succeed, the same requests fault the same way on every run, and
 * concurrent requests for different URLs cannot change each other's faults, whatever order they arrive in.
 */
final class FaultPlan {
    /** SplitMix64's increment: spreads consecutive repeats apart before mixing. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SandboxFaults faults;
    private final long seed;
    /** How often each "METHOD target" was asked; only kept while some fault is on, so a plain sandbox stays lean. */
    private final Map<String, AtomicLong> asked = new ConcurrentHashMap<>();

    FaultPlan(SandboxFaults faults, long seed) {
        this.faults = faults;
        this.seed = seed;
    }

    /** @param target the raw path and, if any, "?" and the raw query, as the request line had them */
    Optional<Fault> draw(String method, String target) {
        if (faults.isNone()) {
            return Optional.empty();
        }
        String request = method + " " + target;
        long repeat = asked.computeIfAbsent(request, key -> new AtomicLong()).getAndIncrement();
        long bits = mix(mix(mix(seed) ^ fnv1a(request)) + repeat * GOLDEN);
        // the top 53 bits pick the kind and the lowest bit its variant, so the two do not correlate
        double draw = (bits >>> 11) * 0x1.0p-53;
        return faults.kindAt(draw).map(kind -> new Fault(kind, (bits & 1) != 0, faults.slowMs()));
    }

    /** SplitMix64's finaliser: inputs one apart come out unrelated. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of the text, fixed by its algorithm (unlike String.hashCode's 32 bits, few URLs share one). */
    private static long fnv1a(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return hash;
    }
}
