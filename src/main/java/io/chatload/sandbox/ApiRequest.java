package io.chatload.sandbox;

import com.sun.net.httpserver.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as an endpoint sees it.
 *
 * @param pathParams the {@code {name}} segments of the matched path pattern, decoded
 * @param query      decoded query parameters; the first of repeated names wins
 * @param body       the request body as UTF-8 text; empty when none was sent
 */
record ApiRequest(String method, Map<String, String> pathParams, Map<String, String> query, Headers headers,
                  String body) {

    String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The body as a JSON object; a 400 when it is missing or is not one. */
    RequestBody jsonBody() {
        return RequestBody.parse(body);
    }

    static Map<String, String> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> query = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return Map.copyOf(query);
    }

    /** A malformed escape is kept as sent: the endpoint then rejects the value as it would any other bad value. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
