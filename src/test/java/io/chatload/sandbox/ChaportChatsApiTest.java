package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chatload.sandbox.ChaportChatDataTest.id;
import static io.chatload.sandbox.ChaportChatDataTest.truthChats;
import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loader crawling every visitor's chats: the latest chat, then each URL in links.more. */
class ChaportChatsApiTest {
    private static SandboxServer sandbox;
    private static String api;
    private final SandboxHttp http = new SandboxHttp();

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
        api = sandbox.chaportBaseUrl();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void crawlingLatestChatsAndLinksMoreYieldsExactlyTheTruth() {
        List<JsonNode> crawled = new ArrayList<>();
        for (Map<String, Object> visitor : sandbox.data().chaportVisitors()) {
            String chatsUrl = api + "/visitors/" + id(visitor) + "/chats";
            JsonNode body = ok(chatsUrl);
            List<Map<String, Object>> chats = sandbox.data().chaportChats(id(visitor));
            if (chats.isEmpty()) {
                continue;
            }
            crawled.add(withVisitor(id(visitor), body.get("result")));
            List<String> expectedMore = new ArrayList<>();
            chats.subList(1, chats.size()).forEach(chat -> expectedMore.add(chatsUrl + "/" + chat.get("id")));
            List<String> more = links(body);
            assertEquals(expectedMore, more, "links.more of " + id(visitor));
            for (String url : more) {
                crawled.add(withVisitor(id(visitor), ok(url).get("result")));
            }
        }
        assertEquals(tree(truthChats(sandbox.data())), tree(crawled));
    }

    @Test
    void linksAreOmittedWithoutOlderChatsAndAVisitorWithoutChatsGetsANullResult() {
        Map<String, Object> single = visitorWithChats(1);
        JsonNode body = ok(api + "/visitors/" + id(single) + "/chats");
        assertFalse(body.has("links"));
        assertEquals(tree(sandbox.data().chaportChats(id(single)).get(0)), body.get("result"));

        SandboxHttp.Reply none = get("/visitors/" + id(visitorWithChats(0)) + "/chats");
        assertEquals(200, none.status());
        assertEquals("{\"result\":null}", none.text());
    }

    @Test
    void eventsComeChronologicallyForAnyChat() {
        Map<String, Object> visitor = visitorWithChats(3);
        for (Map<String, Object> chat : sandbox.data().chaportChats(id(visitor))) {
            JsonNode events = ok(api + "/visitors/" + id(visitor) + "/chats/" + chat.get("id") + "/events");
            assertEquals(tree(Map.of("result", chat.get("events"))), events);
        }
    }

    @Test
    void unknownVisitorsAndChatsAre404() {
        Map<String, Object> visitor = visitorWithChats(2);
        Map<String, Object> other = visitorWithChats(1);
        int otherChat = (Integer) sandbox.data().chaportChats(id(other)).get(0).get("id");
        String unknown = "000000000000000000000000";
        for (String path : List.of("/visitors/" + unknown + "/chats", "/visitors/" + unknown + "/chats/1000",
                "/visitors/" + unknown + "/chats/1000/events")) {
            SandboxHttp.Reply reply = get(path);
            assertEquals(404, reply.status(), path);
            assertEquals("Visitor not found", reply.json().get("error").get("message").asText(), path);
        }
        for (String chat : List.of("999999", "abc", String.valueOf(otherChat))) {
            for (String path : List.of("/visitors/" + id(visitor) + "/chats/" + chat,
                    "/visitors/" + id(visitor) + "/chats/" + chat + "/events")) {
                SandboxHttp.Reply reply = get(path);
                assertEquals(404, reply.status(), path);
                assertEquals("Chat not found", reply.json().get("error").get("message").asText(), path);
            }
        }
    }

    @Test
    void relativeLinksArePathsOnTheSameServer() throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY).withVisitorsPageSize(5)
                .withLinksStyle(LinksStyle.RELATIVE);
        try (SandboxServer relative = SandboxServer.start(config)) {
            Map<String, Object> visitor = relative.data().chaportVisitors().stream()
                    .filter(v -> relative.data().chaportChats(id(v)).size() > 1).findFirst().orElseThrow();
            String path = "/chaport/api/v1/visitors/" + id(visitor) + "/chats";
            JsonNode body = http.get(relative.baseUrl() + path, "Authorization", CHAPORT_AUTH).json();
            List<String> more = links(body);
            assertFalse(more.isEmpty());
            List<Map<String, Object>> chats = relative.data().chaportChats(id(visitor));
            for (int i = 0; i < more.size(); i++) {
                assertEquals(path + "/" + chats.get(i + 1).get("id"), more.get(i));
                URI resolved = URI.create(relative.chaportBaseUrl()).resolve(more.get(i));
                assertEquals(tree(chats.get(i + 1)),
                        http.get(resolved.toString(), "Authorization", CHAPORT_AUTH).json().get("result"));
            }
            JsonNode page = http.get(relative.chaportBaseUrl() + "/visitors", "Authorization", CHAPORT_AUTH).json();
            assertEquals("/chaport/api/v1/visitors?page=2", page.get("links").get("next").asText());
        }
    }

    @Test
    void aForeignLinkHostAddsOneLinkForEveryFifthVisitorWithOlderChats() throws IOException {
        String foreign = "http://foreign.example:9000";
        try (SandboxServer trapped = SandboxServer.start(SandboxConfig.defaults().withForeignLinkHost(foreign + "/"))) {
            int withOlder = 0;
            int withForeign = 0;
            for (Map<String, Object> visitor : trapped.data().chaportVisitors()) {
                List<Map<String, Object>> chats = trapped.data().chaportChats(id(visitor));
                String path = "/chaport/api/v1/visitors/" + id(visitor) + "/chats";
                List<String> more = links(http.get(trapped.baseUrl() + path, "Authorization", CHAPORT_AUTH).json());
                List<String> expected = new ArrayList<>();
                chats.stream().skip(1).forEach(chat -> expected.add(trapped.baseUrl() + path + "/" + chat.get("id")));
                if (chats.size() > 1 && Math.floorMod(id(visitor).hashCode(), 5) == 0) {
                    expected.add(1, foreign + path + "/999999");
                    withForeign++;
                }
                withOlder += chats.size() > 1 ? 1 : 0;
                assertEquals(expected, more, id(visitor));
            }
            assertTrue(withForeign > 0 && withForeign < withOlder, withForeign + " of " + withOlder);
            Map<String, Object> visitor = trapped.data().chaportVisitors().get(0);
            assertEquals(404, http.get(trapped.chaportBaseUrl() + "/visitors/" + id(visitor) + "/chats/999999",
                    "Authorization", CHAPORT_AUTH).status(), "the foreign chat is in no truth");
        }
    }

    @Test
    void requestsAreCountedPerChatPattern() throws IOException {
        try (SandboxServer counted = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY))) {
            String visitorId = id(counted.data().chaportVisitors().get(0));
            String base = counted.chaportBaseUrl() + "/visitors/" + visitorId + "/chats";
            http.get(base, "Authorization", CHAPORT_AUTH);
            http.get(base + "/1000", "Authorization", CHAPORT_AUTH);
            http.get(base + "/1000/events", "Authorization", CHAPORT_AUTH);
            assertEquals(Map.of("GET /chaport/api/v1/visitors/{id}/chats", 1L,
                    "GET /chaport/api/v1/visitors/{id}/chats/{chatId}", 1L,
                    "GET /chaport/api/v1/visitors/{id}/chats/{chatId}/events", 1L), counted.stats());
        }
    }

    private Map<String, Object> visitorWithChats(int count) {
        return sandbox.data().chaportVisitors().stream()
                .filter(v -> sandbox.data().chaportChats(id(v)).size() == count)
                .findFirst().orElseThrow(() -> new AssertionError("no visitor with " + count + " chats"));
    }

    private static List<String> links(JsonNode body) {
        List<String> more = new ArrayList<>();
        if (body.has("links")) {
            body.get("links").get("more").forEach(url -> more.add(url.asText()));
        }
        return more;
    }

    private static JsonNode withVisitor(String visitorId, JsonNode chat) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("visitorId", visitorId);
        chat.fields().forEachRemaining(field -> record.put(field.getKey(), field.getValue()));
        return tree(record);
    }

    private SandboxHttp.Reply get(String path) {
        return http.get(api + path, "Authorization", CHAPORT_AUTH);
    }

    private JsonNode ok(String url) {
        SandboxHttp.Reply reply = http.get(url, "Authorization", CHAPORT_AUTH);
        assertEquals(200, reply.status(), url);
        return reply.json();
    }
}
