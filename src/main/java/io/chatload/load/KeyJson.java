package io.chatload.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A merge row's key as the sorted compact JSON object {@link DltIds#keyHash} digests, written straight with Jackson's
 * generator: the very calls {@link Json#write} makes for these values, without building two maps and finding
 * serializers for every row.
 */
final class KeyJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private KeyJson() {
    }

    /** The JSON text, or null when a key value is not a string, int, long or boolean (then {@link Json#write} is used). */
    static String write(List<String> columns, Map<String, Object> row) {
        String[] sorted = sorted(columns);
        StringWriter out = new StringWriter(16 * sorted.length + 2);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            String previous = null;
            for (String column : sorted) {
                if (column.equals(previous)) {
                    continue; // one entry per name, as in the map
                }
                previous = column;
                json.writeFieldName(column);
                Object value = row.get(column);
                if (value instanceof String text) {
                    json.writeString(text);
                } else if (value instanceof Integer number) {
                    json.writeNumber(number);
                } else if (value instanceof Long number) {
                    json.writeNumber(number);
                } else if (value instanceof Boolean flag) {
                    json.writeBoolean(flag);
                } else {
                    return null;
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The columns in the order of a {@code TreeMap} of them, as dlt's {@code sort_keys}; a key is mostly one column. */
    private static String[] sorted(List<String> columns) {
        String[] sorted = columns.toArray(String[]::new);
        if (sorted.length > 1) {
            Arrays.sort(sorted);
        }
        return sorted;
    }
}
