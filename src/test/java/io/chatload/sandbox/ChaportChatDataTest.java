package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated Chaport chats, events and hooks: consistent with the visitors, and as varied as a real account. */
class ChaportChatDataTest {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");
    private static final List<String> CHAT_KEYS = List.of("id", "stage", "operators", "missed", "rating", "startPage",
            "startedAt", "closedAt", "events");
    private static final Set<String> STAGES = Set.of("initiated", "offline", "responded", "engaged", "closed");
    /** The params each event type carries. */
    private static final Map<String, List<String>> PARAMS = Map.of(
            "visitor-message", List.of("text"),
            "operator-message", List.of("text", "operatorId"),
            "trigger-message", List.of("text", "triggerName"),
            "operator-invitation", List.of("operatorId", "invitedBy"),
            "operator-changed", List.of("operatorId", "previousOperatorId"),
            "email-request", List.of("text", "email"),
            "page-opened", List.of("url", "title"));

    private static final SandboxData MEDIUM = SandboxData.generate(SandboxConfig.defaults().withScale(Scale.MEDIUM));

    @Test
    void aVisitorsLastChatAtIsItsLatestChatsLastEvent() {
        for (Map<String, Object> visitor : MEDIUM.chaportVisitors()) {
            List<Map<String, Object>> chats = MEDIUM.chaportChats(id(visitor));
            if (!chats.isEmpty()) {
                List<Map<String, Object>> events = events(chats.get(0));
                assertEquals(visitor.get("lastChatAt"), events.get(events.size() - 1).get("createdAt"), id(visitor));
            }
        }
    }

    @Test
    void chatsComeNewestFirstAndOnlyTheLatestMayBeOpen() {
        for (Map<String, Object> visitor : MEDIUM.chaportVisitors()) {
            List<Map<String, Object>> chats = MEDIUM.chaportChats(id(visitor));
            for (int i = 0; i < chats.size(); i++) {
                Map<String, Object> chat = chats.get(i);
                String where = id(visitor) + " chat " + chat.get("id");
                assertEquals(CHAT_KEYS.stream().filter(chat::containsKey).toList(), new ArrayList<>(chat.keySet()),
                        where);
                assertTrue(STAGES.contains(chat.get("stage")), where);
                assertEquals(chat.get("stage").equals("closed"), chat.get("closedAt") != null, where);
                String lastEvent = (String) events(chat).get(events(chat).size() - 1).get("createdAt");
                assertEquals(events(chat).get(0).get("createdAt"), chat.get("startedAt"), where);
                if (chat.get("closedAt") != null) {
                    assertTrue(((String) chat.get("closedAt")).compareTo(lastEvent) >= 0, "closed early: " + where);
                }
                if (i > 0) {
                    assertEquals("closed", chat.get("stage"), "an older chat is open: " + where);
                    Map<String, Object> newer = chats.get(i - 1);
                    assertTrue((Integer) newer.get("id") > (Integer) chat.get("id"), where);
                    assertTrue(((String) chat.get("closedAt")).compareTo((String) newer.get("startedAt")) < 0,
                            "overlaps the next chat: " + where);
                }
                assertFalse(((String) chat.get("startedAt")).compareTo((String) visitor.get("createdAt")) < 0,
                        "before the visitor existed: " + where);
            }
        }
    }

    @Test
    void chatIdsAreUniqueIntegersCountingUpFromOneThousandInStartOrder() {
        List<Map<String, Object>> chats = truthChats(MEDIUM);
        List<Map<String, Object>> byId = new ArrayList<>(chats);
        byId.sort((a, b) -> Integer.compare((Integer) a.get("id"), (Integer) b.get("id")));
        for (int i = 0; i < byId.size(); i++) {
            assertEquals(1_000 + i, byId.get(i).get("id"));
            if (i > 0) {
                assertTrue(((String) byId.get(i).get("startedAt"))
                        .compareTo((String) byId.get(i - 1).get("startedAt")) >= 0, "start order at " + (1_000 + i));
            }
        }
    }

    @Test
    void eventsAreChronologicalWithIdsUniqueInTheirChatAndTheParamsOfTheirType() {
        Set<String> operatorIds = new HashSet<>();
        MEDIUM.chaportOperators().forEach(operator -> operatorIds.add(id(operator)));
        for (Map<String, Object> chat : truthChats(MEDIUM)) {
            List<Map<String, Object>> events = events(chat);
            assertFalse(events.isEmpty());
            for (int i = 0; i < events.size(); i++) {
                Map<String, Object> event = events.get(i);
                String where = "chat " + chat.get("id") + " event " + i;
                assertEquals(List.of("id", "type", "params", "createdAt"), new ArrayList<>(event.keySet()), where);
                assertEquals("evt-" + (i + 1), event.get("id"), where);
                assertEquals(PARAMS.get(event.get("type")), new ArrayList<>(((Map<?, ?>) event.get("params")).keySet()),
                        where);
                if (i > 0) {
                    assertTrue(((String) event.get("createdAt"))
                            .compareTo((String) events.get(i - 1).get("createdAt")) >= 0, "not chronological: " + where);
                }
                if (event.get("type").equals("operator-message")) {
                    assertTrue(operatorIds.contains(((Map<?, ?>) event.get("params")).get("operatorId")), where);
                }
            }
        }
    }

    @Test
    void withoutTeamIdsEveryChatNamesOperatorsOnly() {
        SandboxData data = SandboxData.generate(SandboxConfig.defaults().withScale(Scale.MEDIUM).withTeamIdsInChats(false));
        Set<String> operatorIds = new HashSet<>();
        data.chaportOperators().forEach(operator -> operatorIds.add(id(operator)));
        List<Object> named = truthChats(data).stream().flatMap(chat -> ((List<?>) chat.get("operators")).stream())
                .map(Object.class::cast).toList();
        assertFalse(named.isEmpty(), "chats still name operators");
        assertEquals(List.of(), named.stream().filter(id -> !operatorIds.contains(id)).toList());
    }

    @Test
    void chatsAreAsVariedAsARealAccount() {
        List<Map<String, Object>> chats = truthChats(MEDIUM);
        Set<Object> stages = new HashSet<>();
        Set<Object> types = new HashSet<>();
        Set<Object> ratings = new HashSet<>();
        Set<String> operatorIds = new HashSet<>();
        MEDIUM.chaportOperators().forEach(operator -> operatorIds.add(id(operator)));
        boolean teamAssigned = false;
        for (Map<String, Object> chat : chats) {
            stages.add(chat.get("stage"));
            events(chat).forEach(event -> types.add(event.get("type")));
            ratings.add(chat.containsKey("rating") ? chat.get("rating") : "missing");
            for (Object operator : (List<?>) chat.get("operators")) {
                assertTrue(OBJECT_ID.matcher((String) operator).matches(), operator.toString());
                teamAssigned |= !operatorIds.contains(operator);
            }
        }
        assertEquals(STAGES, stages);
        assertEquals(PARAMS.keySet(), types);
        assertEquals(Set.of(1, 2, 3, 4, 5, "missing"),
                ratings.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
        assertTrue(ratings.contains(null), "no null rating");
        assertTrue(teamAssigned, "no chat assigned to a team id");
        assertTrue(chats.stream().anyMatch(chat -> (Boolean) chat.get("missed")), "no missed chat");
        assertTrue(chats.stream().anyMatch(chat -> chat.get("startPage") == null), "no chat without a start page");
    }

    @Test
    void mostVisitorsHaveOneToThreeChatsSomeNoneAndSomeMany() {
        int none = 0;
        int few = 0;
        int most = 0;
        for (Map<String, Object> visitor : MEDIUM.chaportVisitors()) {
            int count = MEDIUM.chaportChats(id(visitor)).size();
            none += count == 0 ? 1 : 0;
            few += count >= 1 && count <= 3 ? 1 : 0;
            most = Math.max(most, count);
        }
        assertTrue(none > 0, "no visitor without chats");
        assertTrue(few > MEDIUM.chaportVisitors().size() / 2, few + " visitors with 1-3 chats");
        assertTrue(most >= 6 && most <= 8, "most chats: " + most);
    }

    @Test
    void lookupsByIdMatchTheListsAndUnknownIdsGiveNothing() {
        Map<String, Object> visitor = MEDIUM.chaportVisitors().stream()
                .filter(v -> MEDIUM.chaportChats(id(v)).size() > 1).findFirst().orElseThrow();
        Map<String, Object> older = MEDIUM.chaportChats(id(visitor)).get(1);
        int chatId = (Integer) older.get("id");
        assertEquals(older, MEDIUM.chaportChat(id(visitor), chatId));
        assertEquals(older.get("events"), MEDIUM.chaportEvents(id(visitor), chatId));
        assertNull(MEDIUM.chaportChat(id(visitor), 999_999));
        assertNull(MEDIUM.chaportChat("000000000000000000000000", chatId));
        assertEquals(List.of(), MEDIUM.chaportChats("000000000000000000000000"));
        assertEquals(List.of(), MEDIUM.chaportEvents(id(visitor), 999_999));
        String otherVisitor = id(MEDIUM.chaportVisitors().stream().filter(v -> v != visitor).findFirst().orElseThrow());
        assertNull(MEDIUM.chaportChat(otherVisitor, chatId), "a chat belongs to one visitor");
    }

    @Test
    void truthChatsNameTheirVisitorInCrawlOrder() {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, Object> visitor : MEDIUM.chaportVisitors()) {
            for (Map<String, Object> chat : MEDIUM.chaportChats(id(visitor))) {
                List<Object> keys = new ArrayList<>(List.of("visitorId"));
                keys.addAll(chat.keySet());
                Map<String, Object> record = truthChats(MEDIUM).get(expected.size());
                assertEquals(keys, new ArrayList<>(record.keySet()));
                assertEquals(id(visitor), record.get("visitorId"));
                chat.forEach((key, value) -> assertEquals(value, record.get(key), key));
                expected.add(record);
            }
        }
        assertEquals(expected.size(), truthChats(MEDIUM).size());
    }

    @Test
    void theAccountStartsWithTwoHooks() {
        List<Map<String, Object>> hooks = MEDIUM.chaportSubscriptions();
        assertEquals(List.of("chat.started", "chat.finished"), hooks.stream().map(h -> h.get("event")).toList());
        for (Map<String, Object> hook : hooks) {
            assertEquals(List.of("id", "event", "targetUrl", "essential", "createdAt"), new ArrayList<>(hook.keySet()));
            assertTrue(OBJECT_ID.matcher(id(hook)).matches());
            assertNotNull(hook.get("targetUrl"));
        }
    }

    @Test
    void chatsDrawFromTheirOwnStream() {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY);
        SandboxData few = SandboxData.generate(config.withBots(1).withBotUsers(3));
        SandboxData many = SandboxData.generate(config.withBots(6).withBotUsers(50));
        assertEquals(truthChats(few), truthChats(many));
        assertEquals(few.chaportSubscriptions(), many.chaportSubscriptions());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> truthChats(SandboxData data) {
        return (List<Map<String, Object>>) ((Map<String, Object>) data.truth().get("chaport")).get("chats");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Map<String, Object> chat) {
        return (List<Map<String, Object>>) chat.get("events");
    }

    static String id(Map<String, Object> record) {
        return (String) record.get("id");
    }
}
