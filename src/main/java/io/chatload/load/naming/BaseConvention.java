package io.chatload.load.naming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every convention does before its own rules (dlt's base {@code normalize_identifier}): trim Python white space and
 * refuse an empty key. Results are cached, as dlt caches them, since the same keys come with every record.
 */
abstract class BaseConvention implements NamingConvention {
    private static final int CACHE_LIMIT = 50_000;

    private final int maxLength;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    BaseConvention(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("identifier limit must be 0 (none) or positive, got " + maxLength);
        }
        this.maxLength = maxLength;
    }

    @Override
    public final int maxLength() {
        return maxLength;
    }

    @Override
    public String pathSeparator() {
        return "__";
    }

    @Override
    public final String normalizeIdentifier(String identifier) {
        String known = cache.get(identifier);
        if (known != null) {
            return known;
        }
        String stripped = PythonText.strip(identifier);
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("an identifier cannot be empty or only white space: '" + identifier + "'");
        }
        String normalized = normalizeStripped(stripped);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(identifier, normalized);
        }
        return normalized;
    }

    /** The convention's own rules, shortening included, for a trimmed, non-empty identifier. */
    abstract String normalizeStripped(String identifier);

    /** As dlt's {@code str()} of a convention: name, case sensitivity and limit, e.g. {@code snake_case_ci_63}. */
    @Override
    public String toString() {
        return name() + (caseSensitive() ? "_cs" : "_ci") + (maxLength > 0 ? "_" + maxLength : "");
    }
}
