package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chatload.engine.LoadSummary;
import io.chatload.engine.ResourceOutcome;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each page gets a bounded number of tries, and only failures worth another try get one. */
class RetriesTest {

    @TempDir
    Path dir;

    private HttpServer api;
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Long> requestNanos = new CopyOnWriteArrayList<>();
    private String throttledDelayMs = "5";

    @BeforeEach
    void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/v1/operators", this::answer);
        api.start();
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    /** Answers with the scripted statuses in turn, then with the last one again. */
    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().toString());
        requestNanos.add(System.nanoTime());
        String status = answers.size() > 1 ? answers.remove(0) : answers.get(0);
        byte[] body = (status.equals("200") ? "{\"result\":[{\"id\":\"a\"}]}" : "{\"error\":{\"code\":" + status + "}}")
                .getBytes(StandardCharsets.UTF_8);
        if (status.equals("429")) {
            exchange.getResponseHeaders().add("Retry-After", "0");
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(status), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private LoadSummary runOperators(String... statuses) throws Exception {
        answers.addAll(List.of(statuses));
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.copy(Path.of("routes/chaport/operators.yaml"), chaport.resolve("operators.yaml"));
        try (SandboxServer unused = SandboxServer.start(SandboxConfig.defaults().withVisitors(1));
             TestPipeline p = TestPipeline.once(TestPipeline.config(unused, dir, dir.resolve("routes"), Map.of(
                     "CHAPORT_BASE_URL", "http://127.0.0.1:" + api.getAddress().getPort() + "/api/v1",
                     "CHATFORMA_API_KEY", "",
                     "chatload.http.max-attempts", "4",
                     "chatload.http.retry-initial-delay-ms", "1",
                     "chatload.http.retry-throttled-delay-ms", throttledDelayMs,
                     "chatload.http.retry-max-delay-ms", "5000")))) {
            return p.runOnce();
        }
    }

    private static ResourceOutcome operators(LoadSummary summary) {
        return summary.outcomes().stream().filter(o -> o.resource().equals("chaport.operators")).findFirst().orElseThrow();
    }

    @Test
    void aFlakyApiIsTriedAgainUntilItAnswers() throws Exception {
        LoadSummary summary = runOperators("503", "429", "500", "200");
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        assertEquals(4, requests.size());
        assertEquals(1, operators(summary).records());
    }

    @Test
    void aThrottledPageWithoutRetryAfterWaitsAtLeastHalfTheThrottledDelay() throws Exception {
        throttledDelayMs = "600";
        LoadSummary summary = runOperators("503", "429", "200");
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        long afterTooMany = requestNanos.get(2) - requestNanos.get(1);
        assertTrue(afterTooMany >= 300_000_000L, "a 429 without Retry-After waited only " + afterTooMany / 1_000_000
                + " ms, not half of retry-throttled-delay-ms (600 ms)");
    }

    @Test
    void aPageGetsAtMostMaxAttemptsTries() throws Exception {
        LoadSummary summary = runOperators("503");
        assertTrue(summary.failed());
        assertEquals(4, requests.size(), "chatload.http.max-attempts");
        assertEquals("chaport.operators: GET /api/v1/operators answered HTTP 503: the API failed: re-run later; rows "
                + "loaded so far are kept", operators(summary).error());
    }

    @Test
    void aFailureNotWorthRetryingEndsTheTriesEvenAfterOneThatWas() throws Exception {
        LoadSummary summary = runOperators("503", "404");
        assertTrue(summary.failed());
        assertEquals(2, requests.size(), "the 404 after a 503 is not tried again");
    }

    @Test
    void aRefusedCredentialIsNotRetried() throws Exception {
        LoadSummary summary = runOperators("401");
        assertEquals(1, requests.size());
        assertTrue(operators(summary).error().endsWith("answered HTTP 401: the API refused the credential: check "
                + "chatload.chaport.token"), operators(summary).error());
    }
}
