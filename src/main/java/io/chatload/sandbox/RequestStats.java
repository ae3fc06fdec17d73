package io.chatload.sandbox;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per "METHOD path-pattern", safely across server threads, so tests can check a client's traffic. */
final class RequestStats {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** A sorted copy, stable while requests keep arriving. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return Collections.unmodifiableMap(copy);
    }
}
