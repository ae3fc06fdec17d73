package io.chatload.load;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A merge row's key as the sorted compact JSON object {@link DltIds#keyHash} digests, for the values keys have (text,
 * int, long, boolean): the text {@link Json#write} gives for a map of them, its strings escaped by Jackson's own
 * encoder, without building two maps and finding serializers for every row.
 */
final class KeyJson {
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    private KeyJson() {
    }

    /** The JSON text, or null when a key value is of another type (then {@link Json#write} is used). */
    static String write(List<String> columns, Map<String, Object> row) {
        List<String> sorted = sorted(columns);
        StringBuilder json = new StringBuilder(16 * sorted.size() + 2).append('{');
        String previous = null;
        for (String column : sorted) {
            if (column.equals(previous)) {
                continue; // one entry per name, as in the map
            }
            if (previous != null) {
                json.append(',');
            }
            previous = column;
            string(json, column).append(':');
            Object value = row.get(column);
            if (value instanceof String text) {
                string(json, text);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
                json.append(value);
            } else {
                return null;
            }
        }
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        STRINGS.quoteAsString(text, json);
        return json.append('"');
    }

    /** The columns in the order of a {@code TreeMap} of them, as dlt's {@code sort_keys}: a list already in it is taken as it is. */
    private static List<String> sorted(List<String> columns) {
        for (int i = 1; i < columns.size(); i++) {
            if (columns.get(i - 1).compareTo(columns.get(i)) > 0) {
                String[] sorted = columns.toArray(String[]::new);
                Arrays.sort(sorted);
                return Arrays.asList(sorted);
            }
        }
        return columns;
    }
}
