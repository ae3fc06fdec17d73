package io.chatload.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes a {@link Response} the way both real APIs do: UTF-8 JSON with its length set. */
final class JsonResponses {
    static final String JSON = "application/json; charset=utf-8";

    /** Thread-safe once configured; a default mapper keeps null values and the maps' key order. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    static void send(HttpExchange exchange, Response response) throws IOException {
        write(exchange, response.status(), JSON, response.headers(), body(response));
    }

    /** The body of a response as the bytes {@link #send} would write. */
    static byte[] body(Response response) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(response.body());
    }

    /** Writes any body with its length set, so the client knows where it ends. */
    static void write(HttpExchange exchange, int status, String contentType, Map<String, String> extraHeaders,
                      byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        extraHeaders.forEach(headers::set);
        // a HEAD answer carries the headers only; -1 tells the server there is no body
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
