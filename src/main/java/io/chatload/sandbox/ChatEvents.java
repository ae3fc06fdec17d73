package io.chatload.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chaport chat events: {@code id} ("evt-<n>", unique in its chat), {@code type}, {@code params}, {@code createdAt}. */
final class ChatEvents {
    private ChatEvents() {
    }

    /** @param number the event's position in its chat, from 1 */
    static Map<String, Object> event(int number, String type, Map<String, Object> params, long createdAt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt-" + number);
        event.put("type", type);
        event.put("params", params);
        event.put("createdAt", Timestamps.iso(createdAt));
        return Collections.unmodifiableMap(event);
    }

    /** What {@code POST /messages} appends; the client's idempotency key is kept on the event when it sent one. */
    static Map<String, Object> operatorMessage(int number, String text, String operatorId, String externalId,
                                               long createdAt) {
        Map<String, Object> event = event(number, "operator-message", params("text", text, "operatorId", operatorId),
                createdAt);
        return externalId == null ? event : JsonMaps.with(event, "externalId", externalId);
    }

    /** Read-only params from name, value, name, value, ...; values may be null. */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(params);
    }
}
