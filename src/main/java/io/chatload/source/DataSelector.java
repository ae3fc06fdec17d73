package io.chatload.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the records sit in a response: a dotted path such as {@code result} or {@code data.items}, or {@code $} for
 * the whole body. A list yields its objects, a single object yields itself (by-id endpoints), and {@code auto}
 * accepts a bare array or an object with the rows under {@code data}, {@code items}, {@code rows} or {@code result}.
 */
public record DataSelector(String expression) {

    private static final List<String> AUTO_KEYS = List.of("data", "result", "items", "rows");
    private static final Object MISSING = new Object();

    public static DataSelector parse(String expression) {
        String e = expression == null || expression.isBlank() ? "$" : expression.trim();
        if (!e.equals("$") && !e.equals("auto") && !e.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
            throw new IllegalArgumentException("data selector '" + expression + "' is not $, auto or a dotted field path");
        }
        return new DataSelector(e);
    }

    /**
     * The records of a parsed JSON body; an explicit {@code null} there means none (Chaport answers a visitor without
     * chats so). A {@link BadResponseException} says what was found instead.
     */
    public List<Map<String, Object>> select(Object body) {
        return select(body, false);
    }

    /**
     * The same; {@code listExpected} (a paged list endpoint) refuses a null or a single object there, which would
     * otherwise end the list early or load something else as a record.
     */
    public List<Map<String, Object>> select(Object body, boolean listExpected) {
        Object node = locate(body);
        if (listExpected && !(node instanceof List)) {
            throw new BadResponseException("the response has " + describe(node) + " at '" + expression
                    + "' where this paged list endpoint needs a list");
        }
        if (node == null) {
            return List.of();
        }
        if (node instanceof Map<?, ?> map) {
            return List.of(asRecord(map));
        }
        if (node instanceof List<?> list) {
            List<Map<String, Object>> records = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new BadResponseException("'" + expression + "' holds a list with " + describe(item)
                            + " where an object was expected");
                }
                records.add(asRecord(map));
            }
            return records;
        }
        throw new BadResponseException("the response has " + describe(node) + " at '" + expression
                + "' where a list or an object of records was expected");
    }

    /** The selected node: {@code null} for an explicit JSON null, {@link #MISSING} when there is nothing there. */
    private Object locate(Object body) {
        if (expression.equals("$") || expression.equals("auto")) {
            if (body instanceof Map<?, ?> map && expression.equals("auto")) {
                for (String key : AUTO_KEYS) {
                    if (map.containsKey(key)) {
                        return map.get(key);
                    }
                }
            }
            return body == null ? MISSING : body;
        }
        Object node = body;
        for (String key : expression.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return MISSING;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asRecord(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static String describe(Object node) {
        if (node == null || node == MISSING) {
            return "nothing (null or missing)";
        }
        if (node instanceof Map) {
            return "an object";
        }
        if (node instanceof List) {
            return "a list";
        }
        if (node instanceof String) {
            return "a string";
        }
        return node instanceof Boolean ? "a boolean" : "a number";
    }
}
