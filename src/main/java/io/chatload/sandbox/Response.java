package io.chatload.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status and a body that is written as JSON, plus any extra headers.
 *
 * @param body a JSON-serialisable value: maps, lists, strings, numbers, booleans
 */
record Response(int status, Object body, Map<String, String> headers) {

    static Response ok(Object body) {
        return of(200, body);
    }

    static Response of(int status, Object body) {
        return new Response(status, body, Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, body, Map.copyOf(more));
    }
}
