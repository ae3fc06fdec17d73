package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.assertSameRecords;
import static io.chatload.sandbox.SandboxHttp.bytes;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loader's view of the simulated Chaport API: 180 visitors in pages of 50. */
class ChaportApiTest {
    private static final String UNAUTHORIZED =
            "{\"error\":{\"code\":401,\"message\":\"Unauthorized: invalid or missing access token\"}}";

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
    void requestsWithoutTheBearerTokenAreRefused() {
        for (String[] headers : List.of(new String[0],
                new String[] {"Authorization", "Bearer wrong-token"},
                new String[] {"Authorization", "sandbox-chaport-token"},
                new String[] {"api_key", "sandbox-chaport-token"})) {
            SandboxHttp.Reply reply = http.get(api + "/operators", headers);
            assertEquals(401, reply.status(), String.join(": ", headers));
            assertEquals(UNAUTHORIZED, reply.text());
        }
        assertEquals(401, http.get(api + "/no-such-path").status(), "credentials are checked before routing");
        assertEquals(200, http.get(api + "/operators", "Authorization", CHAPORT_AUTH).status());
    }

    @Test
    void operatorsAreServedExactlyAsTheTruthHasThem() {
        SandboxHttp.Reply reply = authorized("/operators");
        assertEquals(200, reply.status());
        assertArrayEquals(bytes(Map.of("result", sandbox.data().chaportOperators())), reply.body());
    }

    @Test
    void anOperatorCanBeFetchedById() {
        Map<String, Object> operator = sandbox.data().chaportOperators().get(1);
        SandboxHttp.Reply reply = authorized("/operators/" + operator.get("id"));
        assertEquals(200, reply.status());
        assertEquals(tree(Map.of("result", operator)), reply.json());
    }

    @Test
    void anUnknownOperatorIsA404() {
        SandboxHttp.Reply reply = authorized("/operators/000000000000000000000000");
        assertEquals(404, reply.status());
        assertEquals("{\"error\":{\"code\":404,\"message\":\"Operator not found\"}}", reply.text());
    }

    @Test
    void followingLinksNextWalksEveryVisitorOnceNewestFirst() {
        List<JsonNode> walked = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String url = api + "/visitors";
        while (url != null) {
            urls.add(url);
            SandboxHttp.Reply reply = http.get(url, "Authorization", CHAPORT_AUTH);
            assertEquals(200, reply.status(), url);
            JsonNode body = reply.json();
            assertTrue(body.get("result").size() <= 50, "page size at " + url);
            body.get("result").forEach(walked::add);
            url = body.has("links") ? body.get("links").get("next").asText() : null;
        }
        assertEquals(List.of(api + "/visitors", api + "/visitors?page=2", api + "/visitors?page=3",
                api + "/visitors?page=4"), urls);
        assertSameRecords(sandbox.data().chaportVisitors(), tree(walked));
        Set<String> ids = new HashSet<>();
        walked.forEach(visitor -> assertTrue(ids.add(visitor.get("id").asText()), "duplicate " + visitor));
        for (int i = 1; i < walked.size(); i++) {
            assertTrue(walked.get(i - 1).get("lastChatAt").asText()
                    .compareTo(walked.get(i).get("lastChatAt").asText()) > 0, "newest first at " + i);
        }
    }

    @Test
    void theLastPageHasNoLinksAndPagesPastTheEndAreEmpty() {
        JsonNode last = authorized("/visitors?page=4").json();
        assertEquals(30, last.get("result").size());
        assertFalse(last.has("links"));
        for (String page : List.of("5", "1000", "9223372036854775807")) {
            SandboxHttp.Reply reply = authorized("/visitors?page=" + page);
            assertEquals(200, reply.status(), page);
            assertEquals("{\"result\":[]}", reply.text(), page);
        }
    }

    @Test
    void pageOneIsTheDefault() {
        assertEquals(authorized("/visitors?page=1").json(), authorized("/visitors").json());
    }

    @Test
    void aPageThatIsNotAPositiveIntegerIsA400() {
        for (String page : List.of("0", "-1", "abc", "1.5", "", "99999999999999999999")) {
            SandboxHttp.Reply reply = authorized("/visitors?page=" + page);
            assertEquals(400, reply.status(), page);
            assertEquals(400, reply.json().get("error").get("code").asInt(), page);
        }
    }

    @Test
    void aVisitorsDetailAddsBrowserOsLanguageIpAndLocation() {
        Map<String, Object> listed = sandbox.data().chaportVisitors().get(7);
        SandboxHttp.Reply reply = authorized("/visitors/" + listed.get("id"));
        assertEquals(200, reply.status());
        JsonNode detail = reply.json().get("result");
        assertEquals(tree(sandbox.data().chaportVisitor((String) listed.get("id"))), detail);
        listed.keySet().forEach(key -> assertEquals(tree(listed.get(key)), detail.get(key), key));
        for (String key : List.of("browser", "os", "language", "ip", "location")) {
            assertTrue(detail.has(key), key);
        }
        assertTrue(detail.get("location").has("countryCode"));
    }

    @Test
    void anUnknownVisitorIsA404() {
        SandboxHttp.Reply reply = authorized("/visitors/000000000000000000000000");
        assertEquals(404, reply.status());
        assertEquals("Visitor not found", reply.json().get("error").get("message").asText());
    }

    @Test
    void unicodeSurvivesTheRoundTrip() {
        Map<String, Object> visitor = sandbox.data().chaportVisitors().stream()
                .filter(v -> ((String) v.get("name")).codePoints().anyMatch(c -> c > 0xFFFF))
                .findFirst().orElseThrow(() -> new AssertionError("no visitor with an emoji name"));
        JsonNode served = authorized("/visitors/" + visitor.get("id")).json().get("result");
        assertEquals(visitor.get("name"), served.get("name").asText());
        Map<String, Object> cyrillic = sandbox.data().chaportVisitors().stream()
                .filter(v -> ((String) v.get("name")).matches(".*[А-Яа-яЁё].*"))
                .findFirst().orElseThrow(() -> new AssertionError("no visitor with a Cyrillic name"));
        assertEquals(cyrillic.get("name"),
                authorized("/visitors/" + cyrillic.get("id")).json().get("result").get("name").asText());
    }

    @Test
    void responsesAreUtf8JsonWithTheirLength() {
        SandboxHttp.Reply reply = authorized("/visitors");
        assertEquals("application/json; charset=utf-8", reply.header("Content-Type"));
        assertEquals(String.valueOf(reply.body().length), reply.header("Content-Length"));
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        SandboxHttp.Reply unknown = authorized("/chats");
        assertEquals(404, unknown.status());
        assertEquals(404, unknown.json().get("error").get("code").asInt());
        assertEquals(404, authorized("/visitors/abc/def/ghi").status());

        SandboxHttp.Reply wrongMethod = http.send("DELETE", api + "/visitors", "Authorization", CHAPORT_AUTH);
        assertEquals(405, wrongMethod.status());
        assertEquals("GET", wrongMethod.header("Allow"));
        assertEquals(tree(errorBody(405, "Method not allowed")), wrongMethod.json());
    }

    private SandboxHttp.Reply authorized(String path) {
        return http.get(api + path, "Authorization", CHAPORT_AUTH);
    }

    private static Map<String, Object> errorBody(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }
}
