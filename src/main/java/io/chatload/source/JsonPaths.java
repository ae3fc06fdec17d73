package io.chatload.source;

import java.util.Map;

/** Dotted paths into a parsed JSON body ({@code links.next}, {@code meta.total}), as paginator settings name them. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** Checks a path when the resource file is loaded. */
    static String validate(String key, String path) {
        if (path == null || !path.matches("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*")) {
            throw new IllegalArgumentException(key + " '" + path + "' is not a dotted field path such as links.next");
        }
        return path;
    }

    /** The value at the path, or null when something on the way is missing or not an object. */
    static Object find(Object body, String path) {
        Object node = body;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** The value at the path as text, or null when it is missing, blank or not a string or number. */
    static String text(Object body, String path) {
        Object value = find(body, path);
        if (value instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        return value instanceof Number n ? n.toString() : null;
    }

    /** The value at the path as a whole number; a {@link BadResponseException} names what is there instead. */
    static long number(Object body, String path, String setting) {
        Object value = find(body, path);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.trim().matches("-?\\d{1,18}")) {
            return Long.parseLong(s.trim());
        }
        throw new BadResponseException("the response has " + DataSelector.describe(value) + " at '" + path
                + "' where " + setting + " expects a number");
    }

    /** The value at the path as a boolean ({@code has_more}); a {@link BadResponseException} when it is not one. */
    static boolean bool(Object body, String path, String setting) {
        Object value = find(body, path);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new BadResponseException("the response has " + DataSelector.describe(value) + " at '" + path
                + "' where " + setting + " expects true or false");
    }
}
