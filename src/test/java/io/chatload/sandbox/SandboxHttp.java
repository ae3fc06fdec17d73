package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plain JDK HTTP client for talking to the sandbox as a loader would, plus JSON helpers for comparing. */
final class SandboxHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CHAPORT_AUTH = "Bearer " + SandboxConfig.defaults().chaportToken();
    static final String CHATFORMA_KEY = SandboxConfig.defaults().chatformaKey();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param headers name, value, name, value, ... */
    Reply get(String url, String... headers) {
        return send("GET", url, headers);
    }

    Reply send(String method, String url, String... headers) {
        return send(method, url, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** Sends the text as a UTF-8 JSON body. */
    Reply sendJson(String method, String url, String json, String... headers) {
        String[] withType = Arrays.copyOf(headers, headers.length + 2);
        withType[headers.length] = "Content-Type";
        withType[headers.length + 1] = "application/json";
        return send(method, url, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), withType);
    }

    private Reply send(String method, String url, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    /** The JSON a value serialises to, as a tree, so it compares equal to a parsed response. */
    static JsonNode tree(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as JSON text, for request bodies. */
    static String json(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares record by record, so a failure names the first record that differs. */
    static void assertSameRecords(List<Map<String, Object>> expected, JsonNode actual) {
        assertEquals(expected.size(), actual.size(), "number of records");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(tree(expected.get(i)), actual.get(i),
                    "record " + i + " (id " + expected.get(i).get("id") + ") differs");
        }
    }

    record Reply(int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
