package io.chatload.load;

import java.util.Objects;

/**
 * An object or list the normaliser keeps whole (past {@code max_table_nesting}), as its compact JSON text: typed
 * {@link DataType#JSON}, so it goes into a {@code json} column as dlt's does; in a text column it is that text.
 */
record JsonValue(String json) {
    JsonValue {
        Objects.requireNonNull(json, "json");
    }

    static JsonValue of(Object value) {
        return new JsonValue(Json.write(value));
    }

    @Override
    public String toString() {
        return json;
    }
}
