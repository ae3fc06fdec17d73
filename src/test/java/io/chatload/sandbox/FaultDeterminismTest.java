package io.chatload.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults over HTTP are a function of the seed and the request sequence. These tests use Apache HttpClient with
 * retries off: the JDK client quietly resends a GET whose connection closes unanswered, which adds draws.
 */
class FaultDeterminismTest {
    private static final SandboxFaults MIX =
            SandboxFaults.parse("5xx=0.10,429=0.05,429date=0.02,reset=0.02,slow=0.01,truncated=0.01,html=0.01")
                    .withSlowMs(20);

    @Test
    void twoSandboxesWithTheSeedFaultTheSameRequestsTheSameWay() throws IOException {
        List<String> first = outcomes(SandboxConfig.defaults().withScale(Scale.TINY).withSeed(5).withFaults(MIX), 400);
        List<String> second = outcomes(SandboxConfig.defaults().withScale(Scale.TINY).withSeed(5).withFaults(MIX), 400);
        List<String> otherSeed =
                outcomes(SandboxConfig.defaults().withScale(Scale.TINY).withSeed(6).withFaults(MIX), 400);
        assertEquals(first, second);
        assertNotEquals(first, otherSeed);
        assertTrue(first.stream().anyMatch(outcome -> !outcome.equals("ok")), "some requests fault");
    }

    @Test
    void retriesOfOneUrlDrawAnew() throws IOException {
        SandboxConfig config =
                SandboxConfig.defaults().withScale(Scale.TINY).withFaults(SandboxFaults.parse("5xx=0.5"));
        try (SandboxServer sandbox = SandboxServer.start(config);
             CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build()) {
            List<String> retries = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                retries.add(outcome(client, sandbox.chaportBaseUrl() + "/visitors?page=2"));
            }
            assertTrue(retries.contains("ok"), retries.toString());
            assertTrue(retries.stream().anyMatch(outcome -> outcome.startsWith("5")), retries.toString());
        }
    }

    @Test
    void ratesAreRoughlyHonouredOver2000Requests() throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY).withSeed(42).withFaults(MIX);
        try (SandboxServer sandbox = SandboxServer.start(config);
             CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build()) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < 2_000; i++) {
                seen.merge(outcome(client, url(sandbox, i)), 1, Integer::sum);
            }
            Map<String, Long> faults = sandbox.faults();
            assertEquals(2_000L, sandbox.stats().values().stream().mapToLong(Long::longValue).sum());
            // what the client saw is what the server counted (a slow answer looks like any other)
            assertEquals(faults.get("5xx"), (long) seen.getOrDefault("500", 0) + seen.getOrDefault("503", 0));
            assertEquals(faults.get("429"), (long) seen.getOrDefault("429", 0) + seen.getOrDefault("429 after 1", 0));
            assertEquals(faults.get("429date"), (long) seen.getOrDefault("429 after date", 0));
            assertEquals(faults.get("reset"), (long) seen.getOrDefault("reset", 0));
            assertEquals(faults.get("truncated"), (long) seen.getOrDefault("truncated", 0));
            assertEquals(faults.get("html"), (long) seen.getOrDefault("html", 0));
            // with a fixed seed these counts are exact; the bands (about ±4 standard deviations) only say they fit
            assertBetween(150, 250, faults.get("5xx"));
            assertBetween(65, 135, faults.get("429"));
            assertBetween(20, 60, faults.get("429date"));
            assertBetween(20, 60, faults.get("reset"));
            for (String kind : List.of("slow", "truncated", "html")) {
                assertBetween(5, 40, faults.get(kind));
            }
            assertTrue(seen.get("429") > 0 && seen.get("429 after 1") > 0, seen.toString());
        }
    }

    /** New URLs, and a quarter repeats of one URL, across both APIs. */
    private static String url(SandboxServer sandbox, int i) {
        if (i % 4 == 3) {
            return sandbox.chaportBaseUrl() + "/operators";
        }
        return i % 2 == 0
                ? sandbox.chaportBaseUrl() + "/visitors?page=" + (i + 1)
                : sandbox.chatformaBaseUrl() + "/bots?i=" + i;
    }

    private static List<String> outcomes(SandboxConfig config, int count) throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(config);
             CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build()) {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                outcomes.add(outcome(client, url(sandbox, i)));
            }
            return outcomes;
        }
    }

    /** How one GET ended, as a loader would tell faults apart. */
    private static String outcome(CloseableHttpClient client, String url) {
        HttpGet get = new HttpGet(url);
        get.addHeader("Authorization", CHAPORT_AUTH);
        get.addHeader("api_key", CHATFORMA_KEY);
        try {
            return client.execute(get, response -> {
                byte[] body = EntityUtils.toByteArray(response.getEntity());
                Header retryAfter = response.getFirstHeader("Retry-After");
                if (response.getCode() == 429) {
                    return retryAfter == null ? "429"
                            : retryAfter.getValue().equals("1") ? "429 after 1" : "429 after date";
                }
                if (response.getCode() != 200) {
                    return String.valueOf(response.getCode());
                }
                if (response.getEntity().getContentType().startsWith("text/html")) {
                    return "html";
                }
                try {
                    MAPPER.readTree(body);
                    return "ok";
                } catch (JsonProcessingException e) {
                    return "truncated";
                }
            });
        } catch (IOException e) {
            return "reset";
        }
    }

    private static void assertBetween(long low, long high, long actual) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }
}
