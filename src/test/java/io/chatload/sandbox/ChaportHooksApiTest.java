package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook subscriptions through /events/subscriptions, each test on a fresh sandbox. */
class ChaportHooksApiTest {
    private SandboxServer sandbox;
    private String hooks;
    private final SandboxHttp http = new SandboxHttp();

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
        hooks = sandbox.chaportBaseUrl() + "/events/subscriptions";
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void theListServesTheAccountsHooks() {
        SandboxHttp.Reply reply = http.get(hooks, "Authorization", CHAPORT_AUTH);
        assertEquals(200, reply.status());
        assertEquals(tree(Map.of("result", sandbox.data().chaportSubscriptions())), reply.json());
        assertEquals(2, reply.json().get("result").size());
    }

    @Test
    void aHookCanBeCreatedReadUpdatedAndDeleted() {
        JsonNode created = send("POST", hooks,
                "{\"targetUrl\":\"https://example.org/hook\",\"event\":\"chat.started\"}", 200).get("result");
        String id = created.get("id").asText();
        assertTrue(id.matches("[0-9a-f]{24}"), id);
        assertEquals("chat.started", created.get("event").asText());
        assertEquals("https://example.org/hook", created.get("targetUrl").asText());
        assertEquals(false, created.get("essential").asBoolean(), "essential defaults to false");
        assertTrue(created.get("createdAt").asText().compareTo("2026-01-01T00:00:00.000Z") > 0, "created now");
        assertEquals(3, sandbox.data().chaportSubscriptions().size());
        assertEquals(created, http.get(hooks + "/" + id, "Authorization", CHAPORT_AUTH).json().get("result"));

        JsonNode updated = send("PUT", hooks + "/" + id, "{\"event\":\"chat.finished\",\"essential\":true}", 200)
                .get("result");
        assertEquals("chat.finished", updated.get("event").asText());
        assertEquals(true, updated.get("essential").asBoolean());
        assertEquals(created.get("targetUrl"), updated.get("targetUrl"), "fields not sent stay");
        assertEquals(created.get("createdAt"), updated.get("createdAt"));
        assertEquals(tree(sandbox.data().chaportSubscriptions().get(2)), updated);
        assertEquals(tree(sandbox.data().chaportSubscriptions()), webhooksInTruth());

        assertEquals("{\"result\":true}", http.send("DELETE", hooks + "/" + id, "Authorization", CHAPORT_AUTH).text());
        assertEquals(404, http.get(hooks + "/" + id, "Authorization", CHAPORT_AUTH).status());
        assertEquals(2, sandbox.data().chaportSubscriptions().size());
        assertEquals(tree(sandbox.data().chaportSubscriptions()), webhooksInTruth());
    }

    @Test
    void badBodiesAre400AndNameTheField() {
        Map<String, String> bodies = Map.of(
                "{\"event\":\"chat.started\"}", "targetUrl is required and must be a non-empty string",
                "{\"targetUrl\":\"https://example.org/hook\"}", "event is required and must be a non-empty string",
                "{\"targetUrl\":\"https://example.org/h\",\"event\":\"chat.started\",\"essential\":\"yes\"}",
                "essential must be true or false",
                "{\"targetUrl\":\"/relative\",\"event\":\"chat.started\"}",
                "targetUrl must be an absolute http(s) URL, got '/relative'",
                "", "A JSON object body is required",
                "[1,2]", "The body must be a JSON object");
        bodies.forEach((body, message) -> {
            JsonNode error = send("POST", hooks, body, 400).get("error");
            assertEquals(message, error.get("message").asText(), body);
        });
        assertTrue(send("POST", hooks, "{\"targetUrl\": ", 400).get("error").get("message").asText()
                .startsWith("The body is not valid JSON"));
        String id = (String) sandbox.data().chaportSubscriptions().get(0).get("id");
        send("PUT", hooks + "/" + id, "{\"essential\":1}", 400);
        assertEquals(2, sandbox.data().chaportSubscriptions().size(), "nothing was created");
    }

    @Test
    void unknownHooksAre404AndTheListAcceptsOnlyGetAndPost() {
        String unknown = hooks + "/000000000000000000000000";
        assertEquals(404, http.get(unknown, "Authorization", CHAPORT_AUTH).status());
        assertEquals("Subscription not found", send("PUT", unknown, "{\"event\":\"chat.started\"}", 404)
                .get("error").get("message").asText());
        assertEquals(404, http.send("DELETE", unknown, "Authorization", CHAPORT_AUTH).status());
        SandboxHttp.Reply wrongMethod = http.send("DELETE", hooks, "Authorization", CHAPORT_AUTH);
        assertEquals(405, wrongMethod.status());
        assertEquals("GET, POST", wrongMethod.header("Allow"));
        assertEquals(401, http.sendJson("POST", hooks, "{}").status(), "credentials are still required");
    }

    private JsonNode send(String method, String url, String body, int expectedStatus) {
        SandboxHttp.Reply reply = http.sendJson(method, url, body, "Authorization", CHAPORT_AUTH);
        assertEquals(expectedStatus, reply.status(), method + " " + url + " " + body + ": " + reply.text());
        return reply.json();
    }

    private JsonNode webhooksInTruth() {
        return tree(((Map<?, ?>) sandbox.data().truth().get("chaport")).get("webhooks"));
    }
}
