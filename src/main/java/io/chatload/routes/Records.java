package io.chatload.routes;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Reading fields of a record by the names resource files use: the JSON key, or its snake_case column name. */
public final class Records {

    private Records() {
    }

    public static Object field(Map<String, Object> record, String name) {
        if (record.containsKey(name)) {
            return record.get(name);
        }
        String wanted = simplify(name);
        for (Map.Entry<String, Object> e : record.entrySet()) {
            if (simplify(e.getKey()).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String simplify(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The record's key as state stores it: its primary-key values joined with '/'. */
    public static String key(Map<String, Object> record, List<String> primaryKey) {
        StringJoiner key = new StringJoiner("/");
        for (String field : primaryKey) {
            key.add(String.valueOf(field(record, field)));
        }
        return key.toString();
    }

    /** Compares cursor values: as instants when both are ISO times, else as text. */
    public static int compareCursors(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return a.compareTo(b);
        }
    }
}
