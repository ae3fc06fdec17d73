package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.bytes;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server as a whole: addresses, statistics, ground truth, latency, concurrency and shutdown. */
class SandboxServerTest {
    private final SandboxHttp http = new SandboxHttp();

    @Test
    void listensOnLoopbackAtTheAdvertisedUrls() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY))) {
            assertNotEquals(0, sandbox.port());
            assertEquals("http://127.0.0.1:" + sandbox.port(), sandbox.baseUrl());
            assertEquals(sandbox.baseUrl() + "/chaport/api/v1", sandbox.chaportBaseUrl());
            assertEquals(sandbox.baseUrl() + "/chatforma/public/v1", sandbox.chatformaBaseUrl());
            assertEquals(SandboxConfig.defaults().withScale(Scale.TINY), sandbox.config());
            assertEquals(SandboxData.generate(sandbox.config()).truth(), sandbox.data().truth());
        }
    }

    @Test
    void statsCountEveryApiRequestByPathPattern() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY))) {
            String chaport = sandbox.chaportBaseUrl();
            String visitorId = (String) sandbox.data().chaportVisitors().get(0).get("id");
            http.get(chaport + "/visitors", "Authorization", CHAPORT_AUTH);
            http.get(chaport + "/visitors?page=2", "Authorization", CHAPORT_AUTH);
            http.get(chaport + "/visitors/" + visitorId, "Authorization", CHAPORT_AUTH);
            http.get(chaport + "/visitors/unknown", "Authorization", CHAPORT_AUTH);
            http.get(chaport + "/operators");
            http.get(chaport + "/chats", "Authorization", CHAPORT_AUTH);
            http.send("PUT", chaport + "/operators", "Authorization", CHAPORT_AUTH);
            http.get(sandbox.chatformaBaseUrl() + "/bots", "api_key", CHATFORMA_KEY);
            http.get(sandbox.baseUrl() + "/_sandbox/truth");

            Map<String, Long> expected = Map.of(
                    "GET /chaport/api/v1/visitors", 2L,
                    "GET /chaport/api/v1/visitors/{id}", 2L,
                    "GET /chaport/api/v1/operators", 1L,
                    "PUT /chaport/api/v1/operators", 1L,
                    "GET /chaport/api/v1/*", 1L,
                    "GET /chatforma/public/v1/bots", 1L);
            assertEquals(expected, sandbox.stats());
            SandboxHttp.Reply reply = http.get(sandbox.baseUrl() + "/_sandbox/stats");
            assertEquals(200, reply.status());
            assertEquals(tree(expected), reply.json());
            assertEquals(expected, sandbox.stats(), "looking at the stats is not counted");
        }
    }

    @Test
    void theTruthEndpointServesTheGroundTruthWithoutCredentials() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults())) {
            SandboxHttp.Reply reply = http.get(sandbox.baseUrl() + "/_sandbox/truth");
            assertEquals(200, reply.status());
            assertEquals("application/json; charset=utf-8", reply.header("Content-Type"));
            assertArrayEquals(bytes(sandbox.data().truth()), reply.body());
        }
    }

    @Test
    void pathsOutsideTheApisAre404Json() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY))) {
            for (String path : List.of("/", "/api/v1/operators", "/_sandbox/nothing")) {
                SandboxHttp.Reply reply = http.get(sandbox.baseUrl() + path);
                assertEquals(404, reply.status(), path);
                assertEquals(404, reply.json().get("error").get("code").asInt(), path);
            }
        }
    }

    @Test
    void latencyDelaysApiAnswersButStillAnswers() throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY).withLatencyMs(40);
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            long started = System.nanoTime();
            SandboxHttp.Reply reply = http.get(sandbox.chaportBaseUrl() + "/operators", "Authorization", CHAPORT_AUTH);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, reply.status());
            assertTrue(elapsedMs >= 40, "answered after " + elapsedMs + " ms");
            assertEquals(200, http.get(sandbox.chatformaBaseUrl() + "/bots", "api_key", CHATFORMA_KEY).status());
        }
    }

    @Test
    void concurrentClientsAreAllServed() throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withLatencyMs(5).withVisitorsPageSize(10);
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            List<CompletableFuture<HttpResponse<String>>> replies = IntStream.rangeClosed(1, 40)
                    .mapToObj(page -> http.client().sendAsync(HttpRequest.newBuilder(
                                    URI.create(sandbox.chaportBaseUrl() + "/visitors?page=" + page))
                            .header("Authorization", CHAPORT_AUTH).build(), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            replies.forEach(reply -> assertEquals(200, reply.join().statusCode()));
            assertEquals(Map.of("GET /chaport/api/v1/visitors", 40L), sandbox.stats());
        }
    }

    @Test
    void closeStopsServingAndMayBeRepeated() throws IOException {
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
        String url = sandbox.baseUrl() + "/_sandbox/stats";
        assertEquals(200, http.get(url).status());
        sandbox.close();
        sandbox.close();
        SandboxHttp fresh = new SandboxHttp();
        assertThrows(UncheckedIOException.class, () -> fresh.get(url));
    }

    @Test
    void twoSandboxesRunSideBySide() throws IOException {
        try (SandboxServer first = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY).withSeed(1));
             SandboxServer second = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY).withSeed(2))) {
            assertNotEquals(first.port(), second.port());
            assertEquals(tree(first.data().truth()), http.get(first.baseUrl() + "/_sandbox/truth").json());
            assertEquals(tree(second.data().truth()), http.get(second.baseUrl() + "/_sandbox/truth").json());
        }
    }
}
