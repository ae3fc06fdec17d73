package io.chatload.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link Response} the way both real APIs do: UTF-8 JSON with its length set. */
final class JsonResponses {
    /** Thread-safe once configured; a default mapper keeps null values and the maps' key order. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = MAPPER.writeValueAsBytes(response.body());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach(headers::set);
        // a HEAD answer carries the headers only; -1 tells the server there is no body
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
