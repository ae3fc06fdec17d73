package io.chatload.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compact JSON in the maps' own order: structures nested too deep to flatten, {@code rows_per_table}, and dlt's stored
 * schema and pipeline state.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** dlt's text into a json column ({@code json.loads}): any JSON value the whole text holds, or null when it holds none. */
    static JsonValue parse(String text) {
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.createParser(text)) {
            Object value = MAPPER.readValue(parser, Object.class);
            return parser.nextToken() == null ? JsonValue.of(value) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static Map<String, Long> readCounts(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rows_per_table is not a JSON object of counts: " + e.getOriginalMessage(), e);
        }
    }
}
