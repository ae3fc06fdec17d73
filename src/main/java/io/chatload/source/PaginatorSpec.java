package io.chatload.source;

import java.util.Map;
import java.util.TreeMap;

/**
 * A resource's paginator as its file names it, with the settings of that paginator, checked when the file is loaded.
 * The settings carry dlt's {@code rest_api} names in camel case ({@code next_url_path} is {@code nextUrlPath}); those
 * not given take dlt's defaults, except where chatload's existing paging differs (listed in docs/sources.md).
 *
 * @param type    one of {@link Paginators#NAMES}
 * @param options the paginator's settings by name, only those the file or the source gave
 */
public record PaginatorSpec(String type, Map<String, String> options) {

    public PaginatorSpec {
        type = Paginators.validate(type);
        options = Map.copyOf(new TreeMap<>(options));
        check(options);
    }

    public static PaginatorSpec of(String type) {
        return new PaginatorSpec(type, Map.of());
    }

    String text(String key, String fallback) {
        return text(options, key, fallback);
    }

    /** A path setting, or {@code fallback} when not given. */
    String path(String key, String fallback) {
        String v = text(key, fallback);
        return v == null ? null : JsonPaths.validate(key, v);
    }

    int number(String key, int fallback, int min) {
        return number(options, key, fallback, min);
    }

    boolean flag(String key, boolean fallback) {
        return flag(options, key, fallback);
    }

    private static String text(Map<String, String> options, String key, String fallback) {
        String v = options.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int number(Map<String, String> options, String key, int fallback, int min) {
        String v = text(options, key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' must be a whole number of at least " + min);
        }
    }

    private static boolean flag(Map<String, String> options, String key, boolean fallback) {
        String v = text(options, key, null);
        if (v == null) {
            return fallback;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " '" + v + "' must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    /** Every setting parsed once, so a bad value fails when the file is loaded, not at the first page. */
    private static void check(Map<String, String> options) {
        for (String key : options.keySet()) {
            switch (key) {
                case "nextUrlPath", "totalPath", "hasMorePath", "cursorPath" -> {
                    String v = text(options, key, null);
                    if (v != null) {
                        JsonPaths.validate(key, v);
                    }
                }
                case "limit" -> number(options, key, 1, 1);
                case "offset", "basePage" -> number(options, key, 0, 0);
                case "stopAfterEmptyPage" -> flag(options, key, true);
                default -> {
                    // names of parameters and keys: any text
                }
            }
        }
    }
}
