package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.json;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A faulted write changes nothing, except a slow one, which is applied when its late answer is sent. */
class FaultWritesTest {
    private final SandboxHttp http = new SandboxHttp();

    @Test
    void aFaultedWriteIsNotApplied() throws IOException {
        for (String kind : List.of("5xx", "429", "429date", "reset", "truncated", "html")) {
            SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY)
                    .withFaults(SandboxFaults.parse(kind + "=1"));
            try (SandboxServer sandbox = SandboxServer.start(config)) {
                Map<String, Object> truth = sandbox.data().truth();
                for (int i = 0; i < 4; i++) {
                    for (Supplier<SandboxHttp.Reply> write : writes(sandbox, i)) {
                        try {
                            write.get();
                        } catch (UncheckedIOException e) {
                            assertEquals("reset", kind, e.toString());
                        }
                    }
                }
                assertTrue(sandbox.faults().get(kind) >= 12, kind + ": " + sandbox.faults());
                assertEquals(tree(truth), tree(sandbox.data().truth()), kind);
                assertEquals(List.of(), sandbox.data().sentMessages(), kind);
                assertEquals(List.of(), sandbox.data().dispatches(), kind);

                sandbox.setFaults(SandboxFaults.NONE);
                for (Supplier<SandboxHttp.Reply> write : writes(sandbox, 0)) {
                    assertEquals(200, write.get().status(), "the same writes apply without faults");
                }
                assertEquals(1, sandbox.data().sentMessages().size());
                assertEquals(1, sandbox.data().dispatches().size());
            }
        }
    }

    @Test
    void aTruncatedWriteIsCutFromAnErrorBodyAsItsRealAnswerIsUnknown() throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY)
                .withFaults(SandboxFaults.parse("truncated=1"));
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            SandboxHttp.Reply reply = http.sendJson("POST", sandbox.chaportBaseUrl() + "/messages",
                    message(sandbox, 0), "Authorization", CHAPORT_AUTH);
            assertEquals(200, reply.status());
            String whole = "{\"error\":{\"code\":503,\"message\":\"Service unavailable\"}}";
            assertEquals(whole.substring(0, whole.length() / 2), reply.text());
        }
    }

    @Test
    void aSlowWriteIsAppliedWhenItsLateAnswerIsSent() throws Exception {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY)
                .withFaults(SandboxFaults.parse("slow=1").withSlowMs(300));
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            HttpResponse<String> reply = http.client().send(HttpRequest.newBuilder(
                            URI.create(sandbox.chaportBaseUrl() + "/messages"))
                    .header("Authorization", CHAPORT_AUTH).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(message(sandbox, 0), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), reply.body());
            assertEquals(1, sandbox.data().sentMessages().size());
            assertEquals("operator-message", SandboxHttp.MAPPER.readTree(reply.body())
                    .get("result").get("type").asText());
            assertEquals(1L, sandbox.faults().get("slow"));
        }
    }

    /** A message, a webhook subscription and a dispatch. */
    private List<Supplier<SandboxHttp.Reply>> writes(SandboxServer sandbox, int i) {
        String hook = "{\"targetUrl\":\"https://example.org/hook\",\"event\":\"chat.started\"}";
        String dispatch = sandbox.chatformaBaseUrl() + "/bots/" + botId(sandbox) + "/segments/0/dispatch";
        return List.of(
                () -> http.sendJson("POST", sandbox.chaportBaseUrl() + "/messages", message(sandbox, i),
                        "Authorization", CHAPORT_AUTH),
                () -> http.sendJson("POST", sandbox.chaportBaseUrl() + "/events/subscriptions", hook,
                        "Authorization", CHAPORT_AUTH),
                () -> http.sendJson("POST", dispatch, "{\"content\":\"Sale " + i + "\"}", "api_key", CHATFORMA_KEY));
    }

    private static String message(SandboxServer sandbox, int i) {
        String visitorId = (String) sandbox.data().chaportVisitors().get(0).get("id");
        String operatorId = (String) sandbox.data().chaportOperators().get(0).get("id");
        return json(Map.of("visitorId", visitorId, "chatEvent", Map.of("type", "operator-message",
                "params", Map.of("text", "Hello " + i, "operatorId", operatorId))));
    }

    private static int botId(SandboxServer sandbox) {
        return ((Number) sandbox.data().chatformaBots().get(0).get("id")).intValue();
    }
}
