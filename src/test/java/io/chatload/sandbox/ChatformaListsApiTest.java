package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.assertSameRecords;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loader crawling Chatforma's lists page by page, and the quirks of paging and envelopes it must survive. */
class ChatformaListsApiTest {
    private static SandboxServer sandbox;
    private static String api;
    private static int botId;
    private final SandboxHttp http = new SandboxHttp();

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
        api = sandbox.chatformaBaseUrl();
        botId = (Integer) sandbox.data().chatformaBots().get(1).get("id");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void walkingUsersPageByPageYieldsTheLiveUsersAndEndsOnAShortPage() {
        for (Map<String, Object> bot : sandbox.data().chatformaBots()) {
            List<Map<String, Object>> live = sandbox.data().chatformaUsers((Integer) bot.get("id")).stream()
                    .filter(user -> user.get("deletedAt") == null).toList();
            List<JsonNode> pages = walk(api + "/bots/" + bot.get("id") + "/users", 7);
            assertSameRecords(live, concat(pages));
            assertEquals(live.size() / 7 + 1, pages.size(), "pages of bot " + bot.get("id"));
            assertTrue(pages.get(pages.size() - 1).size() < 7, "short last page");
        }
    }

    @Test
    void deletedUsersAreListedOnlyWithTheDeletedFlag() {
        List<Map<String, Object>> deleted = sandbox.data().chatformaUsers(botId).stream()
                .filter(user -> user.get("deletedAt") != null).toList();
        assertTrue(!deleted.isEmpty(), "the bot has deleted users");
        assertSameRecords(deleted, concat(walk(api + "/bots/" + botId + "/users?deleted=1", 3)));
        assertEquals(ok(api + "/bots/" + botId + "/users"), ok(api + "/bots/" + botId + "/users?deleted=0"));
    }

    @Test
    void walkingDialogsAndTheirMessagesYieldsTheTruth() {
        assertSameRecords(sandbox.data().chatformaDialogs(botId), concat(walk(api + "/bots/" + botId
                + "/dialogs/users", 4)));
        for (Map<String, Object> dialog : sandbox.data().chatformaDialogs(botId)) {
            int userId = (Integer) dialog.get("id");
            assertSameRecords(sandbox.data().chatformaDialogMessages(botId, userId),
                    concat(walk(api + "/bots/" + botId + "/dialogs/" + userId + "/messages", 5)));
        }
    }

    @Test
    void perPageDefaultsToTwentyAndPagesPastTheEndAreEmpty() {
        assertEquals(20, ok(api + "/bots/" + botId + "/users").size());
        assertEquals(ok(api + "/bots/" + botId + "/users?page=1&per_page=20"), ok(api + "/bots/" + botId + "/users"));
        assertEquals(tree(List.of()), ok(api + "/bots/" + botId + "/users?page=50"));
        assertEquals(tree(List.of()), ok(api + "/bots/" + botId + "/dialogs/users?page=2147483647&per_page=100"));
    }

    @Test
    void perPageIsClampedToTheMaximum() throws IOException {
        try (SandboxServer clamped = SandboxServer.start(SandboxConfig.defaults().withChatformaMaxPerPage(10))) {
            int bot = (Integer) clamped.data().chatformaBots().get(0).get("id");
            JsonNode page = http.get(clamped.chatformaBaseUrl() + "/bots/" + bot + "/users?per_page=15",
                    "api_key", CHATFORMA_KEY).json();
            assertEquals(10, page.size(), "a loader that stops on a short page stops here too early");
            assertEquals(10, http.get(clamped.chatformaBaseUrl() + "/bots/" + bot + "/users",
                    "api_key", CHATFORMA_KEY).json().size(), "the default is clamped as well");
        }
    }

    @Test
    void pagingValuesThatAreNotPositiveIntegersAre400() {
        for (String query : List.of("page=0", "page=-1", "page=abc", "per_page=0", "per_page=1.5",
                "page=99999999999", "deleted=maybe")) {
            SandboxHttp.Reply reply = http.get(api + "/bots/" + botId + "/users?" + query, "api_key", CHATFORMA_KEY);
            assertEquals(400, reply.status(), query);
            assertTrue(reply.json().get("message").asText().contains(query.substring(0, query.indexOf('='))), query);
        }
    }

    @Test
    void aServerThatIgnoresPageRepeatsPageOne() throws IOException {
        try (SandboxServer ignoring = SandboxServer.start(SandboxConfig.defaults().withChatformaIgnorePage(true))) {
            int bot = (Integer) ignoring.data().chatformaBots().get(0).get("id");
            String users = ignoring.chatformaBaseUrl() + "/bots/" + bot + "/users?per_page=5&page=";
            JsonNode first = http.get(users + 1, "api_key", CHATFORMA_KEY).json();
            assertEquals(5, first.size());
            assertEquals(first, http.get(users + 2, "api_key", CHATFORMA_KEY).json());
            assertEquals(first, http.get(users + 99, "api_key", CHATFORMA_KEY).json());
        }
    }

    @Test
    void theDataEnvelopeWrapsEveryListWithPagingMeta() throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withChatformaEnvelope(ChatformaEnvelope.DATA);
        try (SandboxServer wrapped = SandboxServer.start(config)) {
            SandboxData data = wrapped.data();
            int bot = (Integer) data.chatformaBots().get(0).get("id");
            int dialogUser = (Integer) data.chatformaDialogs(bot).get(0).get("id");
            String base = wrapped.chatformaBaseUrl();
            List<Map<String, Object>> live = data.chatformaUsers(bot).stream()
                    .filter(user -> user.get("deletedAt") == null).toList();

            JsonNode users = http.get(base + "/bots/" + bot + "/users?page=2&per_page=5", "api_key", CHATFORMA_KEY)
                    .json();
            assertSameRecords(live.subList(5, 10), users.get("data"));
            assertEquals(tree(Map.of("page", 2, "per_page", 5, "total", live.size())), users.get("meta"));
            assertEquals("[\"data\",\"meta\"]", tree(keys(users)).toString());

            JsonNode bots = http.get(base + "/bots", "api_key", CHATFORMA_KEY).json();
            assertSameRecords(data.chatformaBots(), bots.get("data"));
            int botCount = data.chatformaBots().size();
            assertEquals(tree(Map.of("page", 1, "per_page", botCount, "total", botCount)), bots.get("meta"));

            for (String path : List.of("/bots/" + bot + "/dialogs/users", "/bots/" + bot + "/dialogs",
                    "/bots/" + bot + "/dialogs/" + dialogUser + "/messages", "/forms?botId=" + bot,
                    "/bots/" + bot + "/forms", "/bots/" + bot + "/segments", "/bots/" + bot + "/messages")) {
                JsonNode body = http.get(base + path, "api_key", CHATFORMA_KEY).json();
                assertTrue(body.get("data").isArray(), path);
                assertEquals(body.get("data").size() > 0, body.get("meta").get("total").asInt() > 0, path);
            }
        }
    }

    @Test
    void aliasesServeWhatTheDocumentedPathsServe() {
        assertEquals(ok(api + "/bots/" + botId + "/dialogs/users?page=2&per_page=3"),
                ok(api + "/bots/" + botId + "/dialogs?page=2&per_page=3"));
        assertEquals(ok(api + "/forms?botId=" + botId), ok(api + "/bots/" + botId + "/forms"));
    }

    @Test
    void catalogsComeWholeWithTheirIdTypes() {
        assertSameRecords(sandbox.data().chatformaForms(botId), ok(api + "/forms?botId=" + botId));
        JsonNode segments = ok(api + "/bots/" + botId + "/segments");
        assertSameRecords(sandbox.data().chatformaSegments(botId), segments);
        assertTrue(segments.get(0).get("id").isTextual(), "segment ids are strings in the list");
        JsonNode messages = ok(api + "/bots/" + botId + "/messages");
        assertSameRecords(sandbox.data().chatformaMessages(botId), messages);
        assertTrue(messages.get(0).get("id").isInt(), "predefined message ids are numbers");
    }

    @Test
    void unknownBotsAndDialogsAre404AndFormsNeedABot() {
        int deletedUser = (Integer) sandbox.data().chatformaUsers(botId).stream()
                .filter(user -> user.get("deletedAt") != null).findFirst().orElseThrow().get("id");
        for (String path : List.of("/bots/1/users", "/bots/abc/users", "/bots/1/dialogs/users", "/bots/1/segments",
                "/bots/1/messages", "/forms?botId=1", "/forms?botId=abc", "/bots/" + botId + "/dialogs/1/messages",
                "/bots/" + botId + "/dialogs/" + deletedUser + "/messages")) {
            SandboxHttp.Reply reply = http.get(api + path, "api_key", CHATFORMA_KEY);
            assertEquals(404, reply.status(), path);
            assertEquals("{\"message\":\"Not found\"}", reply.text(), path);
        }
        SandboxHttp.Reply noBot = http.get(api + "/forms", "api_key", CHATFORMA_KEY);
        assertEquals(400, noBot.status());
        assertEquals("{\"message\":\"botId is required\"}", noBot.text());
    }

    /** Follows a loader's rule: request page 1, 2, ... and stop after a page shorter than per_page. */
    private List<JsonNode> walk(String url, int perPage) {
        List<JsonNode> pages = new ArrayList<>();
        String separator = url.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            JsonNode rows = ok(url + separator + "page=" + page + "&per_page=" + perPage);
            assertTrue(rows.isArray(), url);
            pages.add(rows);
            if (rows.size() < perPage) {
                return pages;
            }
        }
    }

    private static JsonNode concat(List<JsonNode> pages) {
        List<JsonNode> rows = new ArrayList<>();
        pages.forEach(page -> page.forEach(rows::add));
        return tree(rows);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private JsonNode ok(String url) {
        SandboxHttp.Reply reply = http.get(url, "api_key", CHATFORMA_KEY);
        assertEquals(200, reply.status(), url + ": " + reply.text());
        return reply.json();
    }
}
