package io.chatload.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.chatload.sandbox.ChaportChatDataTest.events;
import static io.chatload.sandbox.ChaportChatDataTest.id;
import static io.chatload.sandbox.ChaportChatDataTest.truthChats;
import static io.chatload.sandbox.SandboxHttp.CHAPORT_AUTH;
import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.assertSameRecords;
import static io.chatload.sandbox.SandboxHttp.bytes;
import static io.chatload.sandbox.SandboxHttp.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes tests make to a running sandbox, as an incremental load would see them: in the API and in the truth. */
class SandboxMutationTest {
    private final SandboxHttp http = new SandboxHttp();

    @Test
    void newChatsMoveTheirVisitorsToTheTopOfTheApiAndTheTruth() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitorsPageSize(10))) {
            SandboxData data = sandbox.data();
            int highestId = highestChatId(data);
            int chatsBefore = truthChats(data).size();

            List<String> touched = data.addChats(4, 11);

            assertEquals(4, touched.size());
            assertEquals(touched, data.chaportVisitors().subList(0, 4).stream().map(ChaportChatDataTest::id).toList());
            JsonNode page = http.get(sandbox.chaportBaseUrl() + "/visitors", "Authorization", CHAPORT_AUTH).json();
            assertSameRecords(data.chaportVisitors().subList(0, 10), page.get("result"));
            for (String visitorId : touched) {
                List<Map<String, Object>> chats = data.chaportChats(visitorId);
                Map<String, Object> latest = chats.get(0);
                assertTrue((Integer) latest.get("id") > highestId, "a new chat id");
                List<Map<String, Object>> events = events(latest);
                assertEquals(data.chaportVisitor(visitorId).get("lastChatAt"),
                        events.get(events.size() - 1).get("createdAt"));
                assertTrue(((String) latest.get("startedAt")).startsWith("2026-01-01"), "happens now");
                chats.stream().skip(1).forEach(older -> assertEquals("closed", older.get("stage"), visitorId));
                JsonNode served = http.get(sandbox.chaportBaseUrl() + "/visitors/" + visitorId + "/chats",
                        "Authorization", CHAPORT_AUTH).json();
                assertEquals(tree(latest), served.get("result"));
            }
            assertEquals(chatsBefore + 4, truthChats(data).size());
            assertEquals(tree(data.truth()), http.get(sandbox.baseUrl() + "/_sandbox/truth").json());
        }
    }

    @Test
    void theSameChangesGiveTheSameDataOnEveryRun() {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY);
        SandboxData first = SandboxData.generate(config);
        SandboxData second = SandboxData.generate(config);
        for (SandboxData data : List.of(first, second)) {
            data.addChats(3, 5);
            data.addDialogMessages(2, 5);
            data.addVisitorField("segment", "b2c");
            data.addChats(2, 6);
        }
        assertArrayEquals(bytes(first.truth()), bytes(second.truth()));
        SandboxData other = SandboxData.generate(config);
        other.addChats(3, 99);
        assertNotEquals(tree(first.chaportVisitors().subList(0, 3)), tree(other.chaportVisitors().subList(0, 3)));
    }

    @Test
    void addChatsTakesEveryVisitorWhenAskedForMoreAndRefusesNegativeCounts() {
        SandboxData data = SandboxData.generate(SandboxConfig.defaults().withScale(Scale.TINY));
        assertEquals(12, data.addChats(50, 1).size());
        assertTrue(data.chaportVisitors().stream().allMatch(v -> !data.chaportChats(id(v)).isEmpty()));
        assertEquals(List.of(), data.addChats(0, 1));
        assertThrows(IllegalArgumentException.class, () -> data.addChats(-1, 1));
    }

    @Test
    void aNewVisitorFieldAppearsOnEveryVisitorInBothForms() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY))) {
            SandboxData data = sandbox.data();
            data.addVisitorField("loyaltyTier", Map.of("level", "gold"));
            for (Map<String, Object> visitor : data.chaportVisitors()) {
                List<String> keys = new ArrayList<>(visitor.keySet());
                assertEquals("loyaltyTier", keys.get(keys.size() - 1));
                Map<String, Object> detail = data.chaportVisitor(id(visitor));
                List<String> detailKeys = new ArrayList<>(detail.keySet());
                assertEquals(keys, detailKeys.subList(0, keys.size()), "detail adds its keys after it");
                assertEquals(Map.of("level", "gold"), detail.get("loyaltyTier"));
            }
            String visitorId = id(data.chaportVisitors().get(0));
            JsonNode served = http.get(sandbox.chaportBaseUrl() + "/visitors/" + visitorId, "Authorization",
                    CHAPORT_AUTH).json().get("result");
            assertEquals("gold", served.get("loyaltyTier").get("level").asText());
            JsonNode list = http.get(sandbox.chaportBaseUrl() + "/visitors", "Authorization", CHAPORT_AUTH).json();
            list.get("result").forEach(visitor -> assertTrue(visitor.has("loyaltyTier")));
            assertEquals(tree(data.chaportVisitors()),
                    tree(((Map<?, ?>) data.truth().get("chaport")).get("visitors")));

            data.addChats(1, 3);
            assertTrue(data.chaportVisitors().get(0).containsKey("loyaltyTier"), "kept through later changes");
            assertThrows(IllegalArgumentException.class, () -> data.addVisitorField("loyaltyTier", 1));
            assertThrows(IllegalArgumentException.class, () -> data.addVisitorField("name", "x"));
            assertThrows(IllegalArgumentException.class, () -> data.addVisitorField(" ", "x"));
        }
    }

    @Test
    void newDialogMessagesMoveTheirDialogsToTheTop() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults())) {
            SandboxData data = sandbox.data();
            int messagesBefore = ((List<?>) ((Map<?, ?>) data.truth().get("chatforma")).get("dialogMessages")).size();
            List<Map<String, Object>> changed = data.addDialogMessages(5, 21);
            assertEquals(5, changed.size());
            int added = 0;
            for (Map<String, Object> dialog : changed) {
                int botId = (Integer) dialog.get("botId");
                int userId = (Integer) dialog.get("id");
                List<Map<String, Object>> changedOfBot = changed.stream()
                        .filter(d -> d.get("botId").equals(botId)).toList();
                assertEquals(changedOfBot, data.chatformaDialogs(botId).subList(0, changedOfBot.size()),
                        "changed dialogs lead their bot's list");
                List<Map<String, Object>> messages = data.chatformaDialogMessages(botId, userId);
                assertEquals(messages.get(0).get("createdAt"), dialog.get("lastMessageCreatedAt"));
                assertEquals(dialog.get("lastMessageCreatedAt"), dialog.get("updatedAt"));
                assertEquals(messages.get(0).get("message"), dialog.get("message"));
                added += (int) messages.stream().filter(m -> ((String) m.get("createdAt")).startsWith("2026")).count();
                JsonNode served = http.get(sandbox.chatformaBaseUrl() + "/bots/" + botId + "/dialogs/" + userId
                        + "/messages?per_page=100", "api_key", CHATFORMA_KEY).json();
                assertSameRecords(messages, served);
                JsonNode dialogs = http.get(sandbox.chatformaBaseUrl() + "/bots/" + botId
                        + "/dialogs/users?per_page=100", "api_key", CHATFORMA_KEY).json();
                assertSameRecords(data.chatformaDialogs(botId), dialogs);
            }
            assertEquals(changed, changed.stream().sorted((a, b) -> ((String) b.get("lastMessageCreatedAt"))
                    .compareTo((String) a.get("lastMessageCreatedAt"))).toList(), "most recent first");
            assertEquals(messagesBefore + added,
                    ((List<?>) ((Map<?, ?>) data.truth().get("chatforma")).get("dialogMessages")).size());
            assertThrows(IllegalArgumentException.class, () -> data.addDialogMessages(-1, 1));
        }
    }

    @Test
    void recordsAlreadyHandedOutNeverChange() {
        SandboxData data = SandboxData.generate(SandboxConfig.defaults().withScale(Scale.TINY));
        List<Map<String, Object>> visitors = data.chaportVisitors();
        Map<String, Object> truth = data.truth();
        byte[] before = bytes(visitors);
        byte[] truthBefore = bytes(truth);
        data.addChats(2, 1);
        data.addVisitorField("x", 1);
        data.addDialogMessages(2, 1);
        assertArrayEquals(before, bytes(visitors));
        assertArrayEquals(truthBefore, bytes(truth));
        assertNotEquals(tree(truth), tree(data.truth()));
        assertThrows(UnsupportedOperationException.class, () -> data.chaportChats(id(visitors.get(0))).clear());
        assertThrows(UnsupportedOperationException.class, () -> data.sentMessages().clear());
    }

    private static int highestChatId(SandboxData data) {
        return truthChats(data).stream().mapToInt(chat -> (Integer) chat.get("id")).max().orElseThrow();
    }
}
