package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chatforma's optional Bearer auth and segment dispatches, each test on a fresh sandbox. */
class ChatformaAuthAndDispatchApiTest {
    private static final List<String> DISPATCH_KEYS = List.of("id", "botId", "name", "type", "status", "runAt",
            "createdAt", "updatedAt", "delivered", "undelivered", "error", "destination", "data");

    private SandboxServer sandbox;
    private String api;
    private int botId;
    private final SandboxHttp http = new SandboxHttp();

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
        api = sandbox.chatformaBaseUrl();
        botId = (Integer) sandbox.data().chatformaBots().get(0).get("id");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aBearerKeyIsForbiddenUnlessSwitchedOn() throws IOException {
        String users = "/bots/" + botId + "/users";
        assertEquals(403, http.get(api + users, "Authorization", "Bearer " + CHATFORMA_KEY).status());
        try (SandboxServer bearer = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY)
                .withChatformaBearer(true))) {
            String base = bearer.chatformaBaseUrl();
            assertEquals(200, http.get(base + users, "Authorization", "Bearer " + CHATFORMA_KEY).status());
            assertEquals(200, http.get(base + users, "api_key", CHATFORMA_KEY).status(), "api_key still works");
            for (String authorization : List.of("Bearer wrong", CHATFORMA_KEY, "Basic " + CHATFORMA_KEY)) {
                SandboxHttp.Reply reply = http.get(base + users, "Authorization", authorization);
                assertEquals(403, reply.status(), authorization);
                assertEquals("{\"message\":\"Forbidden\"}", reply.text());
            }
            assertEquals(403, http.sendJson("POST", base + "/bots/" + botId + "/segments/0/dispatch",
                    "{\"content\":\"x\"}").status());
        }
    }

    @Test
    void aDispatchIsAnsweredAsScheduledAndRecorded() {
        String segment = (String) sandbox.data().chatformaSegments(botId).get(1).get("id");
        JsonNode dispatch = dispatch(botId, segment, "{\"content\":\"Весенняя распродажа 🌸\"}", 200);
        List<String> keys = new ArrayList<>();
        dispatch.fieldNames().forEachRemaining(keys::add);
        assertEquals(DISPATCH_KEYS, keys);
        assertEquals(botId, dispatch.get("botId").asInt());
        assertEquals("scheduled", dispatch.get("status").asText());
        assertEquals("text", dispatch.get("type").asText());
        assertTrue(dispatch.get("destination").get("listId").isInt(), "the segment id is a number here");
        assertEquals(Integer.parseInt(segment), dispatch.get("destination").get("listId").asInt());
        assertTrue(dispatch.get("destination").get("userId").isNull());
        assertEquals("Весенняя распродажа 🌸", dispatch.get("data").get(0).get("content").asText());
        assertTrue(dispatch.get("error").isNull());

        JsonNode toAll = dispatch(botId, "0", "{\"content\":\"Hello everyone\"}", 200);
        assertEquals(dispatch.get("id").asInt() + 1, toAll.get("id").asInt());
        assertEquals(0, toAll.get("destination").get("listId").asInt());
        assertEquals(tree(List.of(dispatch, toAll)), tree(sandbox.data().dispatches()));
        assertEquals(tree(sandbox.data().dispatches()),
                tree(((Map<?, ?>) sandbox.data().truth().get("chatforma")).get("dispatches")));
    }

    @Test
    void badDispatchesAreRefusedAndNotRecorded() {
        assertEquals("{\"message\":\"content is required and must be a non-empty string\"}",
                dispatch(botId, "0", "{}", 400).toString());
        dispatch(botId, "0", "{\"content\":42}", 400);
        dispatch(botId, "0", "", 400);
        dispatch(botId, "1", "{\"content\":\"x\"}", 404);
        dispatch(botId, "abc", "{\"content\":\"x\"}", 404);
        dispatch(1, "0", "{\"content\":\"x\"}", 404);
        SandboxHttp.Reply get = http.get(api + "/bots/" + botId + "/segments/0/dispatch", "api_key", CHATFORMA_KEY);
        assertEquals(405, get.status());
        assertEquals("POST", get.header("Allow"));
        assertEquals(List.of(), sandbox.data().dispatches());
        assertEquals(6L, sandbox.stats().get("POST /chatforma/public/v1/bots/{botId}/segments/{segmentId}/dispatch"));
    }

    private JsonNode dispatch(int bot, String segment, String body, int expectedStatus) {
        SandboxHttp.Reply reply = http.sendJson("POST", api + "/bots/" + bot + "/segments/" + segment + "/dispatch",
                body, "api_key", CHATFORMA_KEY);
        assertEquals(expectedStatus, reply.status(), body + ": " + reply.text());
        return reply.json();
    }
}
