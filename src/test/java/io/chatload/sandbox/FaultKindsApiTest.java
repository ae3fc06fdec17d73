package io.chatload.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.MAPPER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each fault kind as a client sees it, the control endpoints that never fault, and switching faults off. */
class FaultKindsApiTest {
    private final SandboxHttp http = new SandboxHttp();
    private SandboxServer sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void serverErrorsAre500Or503InEachApisErrorShape() throws IOException {
        start(SandboxFaults.parse("5xx=1"));
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            SandboxHttp.Reply chaport = chaport("/operators?i=" + i);
            statuses.add(chaport.status());
            assertEquals("application/json; charset=utf-8", chaport.header("Content-Type"));
            assertEquals(chaport.status(), chaport.json().get("error").get("code").asInt());
            assertFalse(chaport.json().get("error").get("message").asText().isBlank());

            SandboxHttp.Reply chatforma = chatforma("/bots?i=" + i);
            statuses.add(chatforma.status());
            assertEquals(Set.of("message"), fieldNames(chatforma));
        }
        assertEquals(Set.of(500, 503), statuses);
        assertEquals(40L, sandbox.faults().get("5xx"));
    }

    @Test
    void tooManyRequestsComeWithAndWithoutRetryAfter() throws IOException {
        start(SandboxFaults.parse("429=1"));
        Set<String> retryAfters = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            SandboxHttp.Reply chaport = chaport("/visitors?page=" + i);
            assertEquals(429, chaport.status());
            assertEquals(429, chaport.json().get("error").get("code").asInt());
            retryAfters.add(String.valueOf(chaport.header("Retry-After")));
            SandboxHttp.Reply chatforma = chatforma("/bots?i=" + i);
            assertEquals(429, chatforma.status());
            assertEquals(Set.of("message"), fieldNames(chatforma));
            retryAfters.add(String.valueOf(chatforma.header("Retry-After")));
        }
        assertEquals(Set.of("1", "null"), retryAfters, "seconds or no Retry-After at all");
        assertEquals(40L, sandbox.faults().get("429"));
    }

    @Test
    void tooManyRequestsMayGiveRetryAfterAsAnHttpDate() throws IOException {
        start(SandboxFaults.parse("429date=1"));
        ZonedDateTime before = ZonedDateTime.now();
        SandboxHttp.Reply reply = chaport("/operators");
        assertEquals(429, reply.status());
        String retryAfter = reply.header("Retry-After");
        assertTrue(retryAfter.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                retryAfter);
        ZonedDateTime at = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(at.isAfter(before) && at.isBefore(ZonedDateTime.now().plusSeconds(3)), retryAfter);
        assertEquals(1L, sandbox.faults().get("429date"));
    }

    @Test
    void aResetClosesTheConnectionWithoutAnAnswer() throws Exception {
        start(SandboxFaults.parse("reset=1"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.chaportBaseUrl() + "/operators"))
                .header("Authorization", CHAPORT_AUTH).timeout(Duration.ofSeconds(10)).build();
        IOException jdk = assertThrows(IOException.class,
                () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
        assertFalse(jdk instanceof HttpTimeoutException, jdk.toString());

        try (CloseableHttpClient apache = HttpClients.custom().disableAutomaticRetries().build()) {
            HttpGet get = new HttpGet(sandbox.chatformaBaseUrl() + "/bots");
            get.addHeader("api_key", CHATFORMA_KEY);
            assertThrows(NoHttpResponseException.class, () -> apache.execute(get, response -> response.getCode()));
        }
        // the JDK client quietly resends a GET once when the connection closes before any answer: another draw
        assertTrue(sandbox.faults().get("reset") >= 2, sandbox.faults().toString());
    }

    @Test
    void aSlowAnswerOutlastsAShortTimeoutAndReachesAPatientClient() throws Exception {
        start(SandboxFaults.parse("slow=1").withSlowMs(1_500));
        HttpClient client = HttpClient.newHttpClient();
        URI operators = URI.create(sandbox.chaportBaseUrl() + "/operators");
        HttpRequest impatient = HttpRequest.newBuilder(operators).header("Authorization", CHAPORT_AUTH)
                .timeout(Duration.ofMillis(1_000)).build();
        assertThrows(HttpTimeoutException.class, () -> client.send(impatient, HttpResponse.BodyHandlers.ofString()));

        HttpRequest patient = HttpRequest.newBuilder(operators).header("Authorization", CHAPORT_AUTH)
                .timeout(Duration.ofSeconds(20)).build();
        long started = System.nanoTime();
        HttpResponse<byte[]> reply = client.send(patient, HttpResponse.BodyHandlers.ofByteArray());
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, reply.statusCode());
        assertTrue(elapsedMs >= 1_500, "answered after " + elapsedMs + " ms");
        assertArrayEquals(SandboxHttp.bytes(ChaportApi.result(sandbox.data().chaportOperators())), reply.body());
        assertEquals(2L, sandbox.faults().get("slow"));
    }

    @Test
    void slowAnswersDoNotHoldUpOtherRequests() throws IOException {
        start(SandboxFaults.parse("slow=1").withSlowMs(60_000));
        // more waiting answers than the server has threads
        List<CompletableFuture<HttpResponse<Void>>> waiting = IntStream.range(0, 12)
                .mapToObj(i -> http.client().sendAsync(HttpRequest.newBuilder(
                                URI.create(sandbox.chaportBaseUrl() + "/visitors?page=" + i))
                        .header("Authorization", CHAPORT_AUTH).build(), HttpResponse.BodyHandlers.discarding()))
                .toList();
        awaitFaults("slow", 12);
        sandbox.setFaults(SandboxFaults.NONE);
        long started = System.nanoTime();
        assertEquals(200, chaport("/operators").status());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000, "answered while the slow ones wait");
        assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "the slow answers are still waiting");
    }

    @Test
    void aTruncatedAnswerIsTheFirstHalfOfTheRealBodyWithItsLength() throws IOException {
        start(SandboxFaults.parse("truncated=1"));
        SandboxHttp.Reply chaport = chaport("/operators");
        SandboxHttp.Reply chatforma = chatforma("/bots");
        sandbox.setFaults(SandboxFaults.NONE);
        for (SandboxHttp.Reply[] cutAndWhole : List.of(
                new SandboxHttp.Reply[] {chaport, chaport("/operators")},
                new SandboxHttp.Reply[] {chatforma, chatforma("/bots")})) {
            SandboxHttp.Reply cut = cutAndWhole[0];
            byte[] whole = cutAndWhole[1].body();
            assertEquals(200, cut.status());
            assertEquals("application/json; charset=utf-8", cut.header("Content-Type"));
            assertEquals(String.valueOf(whole.length / 2), cut.header("Content-Length"));
            assertArrayEquals(Arrays.copyOf(whole, whole.length / 2), cut.body());
            assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(cut.body()));
        }
        assertEquals(2L, sandbox.faults().get("truncated"));
    }

    @Test
    void anHtmlPageComesWithStatus200() throws IOException {
        start(SandboxFaults.parse("html=1"));
        for (SandboxHttp.Reply reply : List.of(chaport("/operators"), chatforma("/bots"))) {
            assertEquals(200, reply.status());
            assertEquals("text/html; charset=utf-8", reply.header("Content-Type"));
            assertTrue(reply.text().startsWith("<!DOCTYPE html>"), reply.text());
            assertTrue(reply.text().contains("502 Bad Gateway"), reply.text());
        }
        assertEquals(2L, sandbox.faults().get("html"));
    }

    @Test
    void faultsApplyWhateverTheCredentialsAndAreCountedInTheStats() throws IOException {
        start(SandboxFaults.parse("html=1"));
        assertEquals("text/html; charset=utf-8", http.get(sandbox.chaportBaseUrl() + "/operators").header(
                "Content-Type"), "a proxy in front answers before the API checks the token");
        assertEquals(Map.of("GET /chaport/api/v1/operators", 1L), sandbox.stats());
    }

    @Test
    void theControlEndpointsNeverFaultAndShowTheCounts() throws IOException {
        start(SandboxFaults.parse("5xx=0.5,reset=0.5"));
        for (int i = 0; i < 10; i++) {
            assertEquals(200, http.get(sandbox.baseUrl() + "/_sandbox/stats").status());
            assertEquals(200, http.get(sandbox.baseUrl() + "/_sandbox/truth").status());
            assertEquals(404, http.get(sandbox.baseUrl() + "/_sandbox/nothing").status());
        }
        for (int i = 0; i < 10; i++) {
            try {
                chaport("/operators");
            } catch (UncheckedIOException reset) {
                // expected for about half of them
            }
        }
        Map<String, Long> counts = sandbox.faults();
        assertEquals(List.of("5xx", "429", "429date", "reset", "slow", "truncated", "html"),
                new ArrayList<>(counts.keySet()));
        assertTrue(counts.get("5xx") + counts.get("reset") >= 10, counts.toString());
        SandboxHttp.Reply reply = http.get(sandbox.baseUrl() + "/_sandbox/faults");
        assertEquals(200, reply.status());
        assertEquals(SandboxHttp.tree(counts), reply.json());
        assertEquals(Set.of("GET /chaport/api/v1/operators"), sandbox.stats().keySet(), "control is not counted");
    }

    @Test
    void switchedOffFaultsGiveCleanAnswersAndTheCountsStay() throws IOException {
        start(SandboxFaults.parse("5xx=0.3,429=0.3,html=0.4"));
        for (int i = 0; i < 5; i++) {
            chaport("/operators?i=" + i);
        }
        Map<String, Long> counts = sandbox.faults();
        assertEquals(5L, counts.values().stream().mapToLong(Long::longValue).sum(), "every request faults");
        sandbox.setFaults(SandboxFaults.NONE);
        for (int i = 0; i < 50; i++) {
            SandboxHttp.Reply reply = chaport("/operators?i=" + i);
            assertEquals(200, reply.status());
            assertEquals("application/json; charset=utf-8", reply.header("Content-Type"));
            assertEquals(SandboxHttp.tree(ChaportApi.result(sandbox.data().chaportOperators())), reply.json());
            assertNull(reply.header("Retry-After"));
        }
        assertEquals(counts, sandbox.faults());
    }

    @Test
    void aSandboxWithoutFaultsCountsNone() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
        for (int i = 0; i < 20; i++) {
            assertEquals(200, chaport("/operators?i=" + i).status());
        }
        assertTrue(sandbox.faults().values().stream().allMatch(count -> count == 0), sandbox.faults().toString());
    }

    private void start(SandboxFaults faults) throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY).withFaults(faults));
    }

    private SandboxHttp.Reply chaport(String path) {
        return http.get(sandbox.chaportBaseUrl() + path, "Authorization", CHAPORT_AUTH);
    }

    private SandboxHttp.Reply chatforma(String path) {
        return http.get(sandbox.chatformaBaseUrl() + path, "api_key", CHATFORMA_KEY);
    }

    /** Waits, for at most 10 s, until the server has drawn that many faults of a kind. */
    private void awaitFaults(String kind, long count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sandbox.faults().get(kind) < count) {
            assertTrue(System.nanoTime() < deadline, "only " + sandbox.faults() + " after 10 s");
            Thread.onSpinWait();
        }
    }

    private static Set<String> fieldNames(SandboxHttp.Reply reply) {
        Set<String> names = new HashSet<>();
        reply.json().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
