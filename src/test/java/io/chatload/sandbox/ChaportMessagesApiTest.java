package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.chatload.sandbox.ChaportChatDataTest.events;
import static io.chatload.sandbox.ChaportChatDataTest.id;
import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.json;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An outbox sending operator messages through POST /messages, each test on a fresh sandbox. */
class ChaportMessagesApiTest {
    private SandboxServer sandbox;
    private String api;
    private String operatorId;
    private final SandboxHttp http = new SandboxHttp();

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
        api = sandbox.chaportBaseUrl();
        operatorId = id(sandbox.data().chaportOperators().get(1));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aMessageIsAppendedToTheLatestChatAndMovesTheVisitorToTheTop() {
        Map<String, Object> visitor = sandbox.data().chaportVisitors().stream()
                .filter(v -> sandbox.data().chaportChats(id(v)).size() > 1)
                .filter(v -> sandbox.data().chaportChats(id(v)).get(0).get("closedAt") != null)
                .skip(3).findFirst().orElseThrow();
        Map<String, Object> latest = sandbox.data().chaportChats(id(visitor)).get(0);
        int eventsBefore = events(latest).size();

        JsonNode event = post(message(id(visitor), "Your parcel is on its way 📦", null, null), 200).get("result");
        assertEquals("evt-" + (eventsBefore + 1), event.get("id").asText());
        assertEquals("operator-message", event.get("type").asText());
        assertEquals(tree(Map.of("text", "Your parcel is on its way 📦", "operatorId", operatorId)),
                event.get("params"));

        Map<String, Object> chat = sandbox.data().chaportChats(id(visitor)).get(0);
        assertEquals(latest.get("id"), chat.get("id"), "no new chat");
        assertEquals(eventsBefore + 1, events(chat).size());
        assertEquals(event, tree(events(chat).get(eventsBefore)));
        assertEquals("responded", chat.get("stage"), "a closed chat is answered again");
        assertNull(chat.get("closedAt"));
        assertTrue(((List<?>) chat.get("operators")).contains(operatorId));

        Map<String, Object> top = sandbox.data().chaportVisitors().get(0);
        assertEquals(id(visitor), id(top));
        assertEquals(event.get("createdAt").asText(), top.get("lastChatAt"));
        JsonNode served = http.get(api + "/visitors/" + id(visitor) + "/chats", "Authorization", CHAPORT_AUTH).json();
        assertEquals(tree(chat), served.get("result"));
        assertEquals(id(visitor), http.get(api + "/visitors", "Authorization", CHAPORT_AUTH).json()
                .get("result").get(0).get("id").asText());

        List<SentMessage> sent = sandbox.data().sentMessages();
        assertEquals(1, sent.size());
        assertEquals(new SentMessage(id(visitor), (Integer) chat.get("id"), null, events(chat).get(eventsBefore)),
                sent.get(0));
    }

    @Test
    void aVisitorWithoutChatsGetsANewOne() {
        Map<String, Object> visitor = sandbox.data().chaportVisitors().stream()
                .filter(v -> sandbox.data().chaportChats(id(v)).isEmpty()).findFirst().orElseThrow();
        int highestId = ChaportChatDataTest.truthChats(sandbox.data()).stream()
                .mapToInt(chat -> (Integer) chat.get("id")).max().orElseThrow();
        JsonNode event = post(message(id(visitor), "Hello!", null, null), 200).get("result");
        List<Map<String, Object>> chats = sandbox.data().chaportChats(id(visitor));
        assertEquals(1, chats.size());
        assertEquals(highestId + 1, chats.get(0).get("id"));
        assertEquals("evt-1", event.get("id").asText());
        assertEquals(event.get("createdAt").asText(), chats.get(0).get("startedAt"));
        assertEquals(List.of(operatorId), chats.get(0).get("operators"));
    }

    @Test
    void aRepeatedExternalIdForTheSameVisitorDeliversNothing() {
        List<Map<String, Object>> visitors = sandbox.data().chaportVisitors();
        String first = id(visitors.get(5));
        String second = id(visitors.get(6));
        JsonNode original = post(message(first, "Refund approved", "outbox-17", null), 200).get("result");
        assertEquals("outbox-17", original.get("externalId").asText());
        int events = events(sandbox.data().chaportChats(first).get(0)).size();

        assertEquals(original, post(message(first, "Refund approved", "outbox-17", null), 200).get("result"));
        assertEquals(original, post(message(first, "Refund approved", null, "outbox-17"), 200).get("result"),
                "the key may also sit at the top level");
        assertEquals(events, events(sandbox.data().chaportChats(first).get(0)).size());

        JsonNode elsewhere = post(message(second, "Refund approved", null, "outbox-17"), 200).get("result");
        assertEquals("outbox-17", elsewhere.get("externalId").asText(), "keys are per visitor");
        assertEquals(List.of(first, second),
                sandbox.data().sentMessages().stream().map(SentMessage::visitorId).toList());
        assertEquals(2, sandbox.data().suppressedDuplicateMessages());
        assertEquals(id(visitors.get(6)), id(sandbox.data().chaportVisitors().get(0)));
    }

    @Test
    void malformedBodiesAre400AndUnknownVisitorsAre404() {
        String visitorId = id(sandbox.data().chaportVisitors().get(0));
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{}", "visitorId is required and must be a non-empty string");
        bodies.put("{\"visitorId\":\"" + visitorId + "\"}", "chatEvent is required and must be an object");
        bodies.put(json(Map.of("visitorId", visitorId, "chatEvent", Map.of("type", "visitor-message",
                "params", Map.of("text", "hi")))), "chatEvent.type must be \"operator-message\": only operators' "
                + "messages can be sent");
        bodies.put(json(Map.of("visitorId", visitorId, "chatEvent", Map.of("type", "operator-message"))),
                "chatEvent.params is required and must be an object");
        bodies.put(json(Map.of("visitorId", visitorId, "chatEvent", Map.of("type", "operator-message",
                "params", Map.of("text", " ", "operatorId", operatorId)))),
                "chatEvent.params.text is required and must be a non-empty string");
        bodies.put(json(Map.of("visitorId", visitorId, "chatEvent", Map.of("type", "operator-message",
                "params", Map.of("text", "hi")))), "chatEvent.params.operatorId is required and must be a non-empty "
                + "string");
        bodies.put(json(Map.of("visitorId", visitorId, "externalId", List.of(1), "chatEvent",
                Map.of("type", "operator-message", "params", Map.of("text", "hi", "operatorId", operatorId)))),
                "externalId must be a non-empty string or an integer");
        bodies.put("not json", null);
        bodies.forEach((body, message) -> {
            JsonNode error = post(body, 400).get("error");
            if (message != null) {
                assertEquals(message, error.get("message").asText(), body);
            }
        });
        JsonNode unknown = post(message("000000000000000000000000", "hi", null, null), 404);
        assertEquals("Visitor not found", unknown.get("error").get("message").asText());
        assertEquals(List.of(), sandbox.data().sentMessages());
    }

    @Test
    void integerExternalIdsAreReadAsText() {
        String visitorId = id(sandbox.data().chaportVisitors().get(0));
        JsonNode first = post(message(visitorId, "hi", 42, null), 200).get("result");
        assertEquals("42", first.get("externalId").asText());
        assertEquals(first, post(message(visitorId, "hi", "42", null), 200).get("result"));
    }

    @Test
    void concurrentMessagesAreAllAppendedWithDistinctEventIds() {
        String visitorId = id(sandbox.data().chaportVisitors().get(10));
        int before = events(sandbox.data().chaportChats(visitorId).get(0)).size();
        List<CompletableFuture<HttpResponse<String>>> replies = IntStream.range(0, 24)
                .mapToObj(i -> http.client().sendAsync(HttpRequest.newBuilder(URI.create(api + "/messages"))
                        .header("Authorization", CHAPORT_AUTH)
                        .POST(HttpRequest.BodyPublishers.ofString(message(visitorId, "msg " + i, "k" + i, null)))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        replies.forEach(reply -> assertEquals(200, reply.join().statusCode()));
        List<Map<String, Object>> events = events(sandbox.data().chaportChats(visitorId).get(0));
        assertEquals(before + 24, events.size());
        Set<Object> ids = new HashSet<>();
        events.forEach(event -> assertTrue(ids.add(event.get("id")), "duplicate " + event.get("id")));
        assertEquals(24, sandbox.data().sentMessages().size());
    }

    /** @param nestedKey the externalId inside chatEvent, or null; topKey at the top level, or null */
    private String message(String visitorId, String text, Object nestedKey, Object topKey) {
        Map<String, Object> chatEvent = new LinkedHashMap<>();
        chatEvent.put("type", "operator-message");
        chatEvent.put("params", Map.of("text", text, "operatorId", operatorId));
        if (nestedKey != null) {
            chatEvent.put("externalId", nestedKey);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("visitorId", visitorId);
        body.put("chatEvent", chatEvent);
        if (topKey != null) {
            body.put("externalId", topKey);
        }
        return json(body);
    }

    private JsonNode post(String body, int expectedStatus) {
        SandboxHttp.Reply reply = http.sendJson("POST", api + "/messages", body, "Authorization", CHAPORT_AUTH);
        assertEquals(expectedStatus, reply.status(), body + ": " + reply.text());
        return reply.json();
    }
}
