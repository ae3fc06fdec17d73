package io.chatload.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * A JSON object sent as a request body, read field by field. Every missing or mistyped field is a 400 naming the
 * field by its path ({@code chatEvent.params.text}), which is what a client developer needs to fix the call.
 */
final class RequestBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<?, ?> fields;
    private final String path;

    private RequestBody(Map<?, ?> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    static RequestBody parse(String json) {
        if (json == null || json.isBlank()) {
            throw ApiException.badRequest("A JSON object body is required");
        }
        try {
            Object value = MAPPER.readValue(json, Object.class);
            if (value instanceof Map<?, ?> map) {
                return new RequestBody(map, "");
            }
            throw ApiException.badRequest("The body must be a JSON object");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    boolean has(String name) {
        return fields.containsKey(name) && fields.get(name) != null;
    }

    /** A required string with something other than whitespace in it. */
    String text(String name) {
        if (fields.get(name) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw ApiException.badRequest(name(name) + " is required and must be a non-empty string");
    }

    RequestBody object(String name) {
        if (fields.get(name) instanceof Map<?, ?> map) {
            return new RequestBody(map, name(name) + ".");
        }
        throw ApiException.badRequest(name(name) + " is required and must be an object");
    }

    boolean bool(String name) {
        if (fields.get(name) instanceof Boolean value) {
            return value;
        }
        throw ApiException.badRequest(name(name) + " must be true or false");
    }

    /** An id a client picks: a non-empty string, or an integer, which is read as its decimal text. */
    String key(String name) {
        Object value = fields.get(name);
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof String text && !text.isEmpty()) {
            return text;
        }
        throw ApiException.badRequest(name(name) + " must be a non-empty string or an integer");
    }

    private String name(String field) {
        return path + field;
    }
}
