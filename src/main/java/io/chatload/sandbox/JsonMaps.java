package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to served records, which are read-only maps: each change makes a read-only copy that keeps the key order,
 * so a record handed out earlier (to a response or a test) never changes under its reader.
 */
final class JsonMaps {
    private JsonMaps() {
    }

    /** A copy with the key set to the value: in its place when present, last when new. Null values are kept. */
    static Map<String, Object> with(Map<String, Object> record, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    /** A copy that starts with the given key, as truth records that name their parent do ({@code visitorId}). */
    static Map<String, Object> withFirst(String key, Object value, Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put(key, value);
        copy.putAll(record);
        return Collections.unmodifiableMap(copy);
    }

    /** A read-only copy of the list with one more element at the end. */
    static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return Collections.unmodifiableList(copy);
    }
}
