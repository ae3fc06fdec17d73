package io.chatload.sandbox;

import java.util.List;
import java.util.Map;

/**
 * The page a Chatforma list request asks for: {@code page} counts from 1 (default 1), {@code per_page} defaults to
 * 20 and is clamped to the configured maximum, as servers commonly do rather than refuse.
 */
record PageRequest(int page, int perPage) {
    static final int DEFAULT_PER_PAGE = 20;

    /** A value that is not a positive integer is a 400. */
    static PageRequest of(Map<String, String> query, ChatformaSwitches switches) {
        int page = positive(query, "page", 1);
        int perPage = Math.min(positive(query, "per_page", DEFAULT_PER_PAGE), switches.maxPerPage());
        return new PageRequest(switches.ignorePage() ? 1 : page, perPage);
    }

    /** This page of the list; empty past its end, and the last page may be short. */
    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    private static int positive(Map<String, String> query, String name, int fallback) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like any other unusable value
        }
        throw ApiException.badRequest(name + " must be a positive integer, got '" + text + "'");
    }
}
