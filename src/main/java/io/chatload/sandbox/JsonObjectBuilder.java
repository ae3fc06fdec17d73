package io.chatload.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds one generated JSON object in a fixed key order. Optional keys come out present, {@code null} or missing,
 * because real exports do all three and a loader must cope with each.
 */
final class JsonObjectBuilder {
    private final SeededRandom random;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    JsonObjectBuilder(SeededRandom random) {
        this.random = random;
    }

    JsonObjectBuilder put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** With the given probability the key gets a value; otherwise it is null or missing, at even odds. */
    JsonObjectBuilder maybe(String key, double probability, Supplier<?> value) {
        if (random.chance(probability)) {
            fields.put(key, value.get());
        } else if (random.chance(0.5)) {
            fields.put(key, null);
        }
        return this;
    }

    /** With the given probability the key gets a value; otherwise it is left out. */
    JsonObjectBuilder sometimes(String key, double probability, Supplier<?> value) {
        if (random.chance(probability)) {
            fields.put(key, value.get());
        }
        return this;
    }

    /** Read-only, so the records served and the truth handed to tests can never drift apart. */
    Map<String, Object> build() {
        return Collections.unmodifiableMap(fields);
    }
}
