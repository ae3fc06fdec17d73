package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated Chatforma users, dialogs, messages, forms, segments and predefined messages. */
class ChatformaDataTest {
    private static final List<String> USER_KEYS = List.of("id", "chatId", "firstName", "lastName", "username",
            "phone", "email", "createdAt", "updatedAt", "deletedAt");
    private static final List<String> DIALOG_KEYS = List.of("id", "botId", "chatId", "firstName", "lastName",
            "username", "phone", "email", "message", "lastMessageCreatedAt", "createdAt", "updatedAt", "deletedAt");
    private static final List<String> MESSAGE_KEYS = List.of("id", "botId", "chatId", "message", "isClientMessage",
            "createdAt", "updatedAt");
    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9]{10}");

    private static final SandboxData DATA = SandboxData.generate(SandboxConfig.defaults().withBots(4));

    @Test
    void usersHaveIntegerIdsUniqueAcrossBotsInIdOrderAndSomeAreDeleted() {
        Set<Integer> ids = new HashSet<>();
        int deleted = 0;
        for (int botId : botIds()) {
            List<Map<String, Object>> users = DATA.chatformaUsers(botId);
            assertEquals(40, users.size());
            for (int i = 0; i < users.size(); i++) {
                Map<String, Object> user = users.get(i);
                assertEquals(USER_KEYS, new ArrayList<>(user.keySet()));
                int id = (Integer) user.get("id");
                assertTrue(id >= 50_000_000 && id < 60_000_000, "id " + id);
                assertTrue(ids.add(id), "duplicate user id " + id);
                assertInstanceOf(String.class, user.get("chatId"));
                assertTrue(i == 0 || (Integer) users.get(i - 1).get("id") < id, "id order");
                if (user.get("deletedAt") != null) {
                    deleted++;
                    assertEquals(user.get("deletedAt"), user.get("updatedAt"));
                }
                assertTrue(((String) user.get("updatedAt")).compareTo((String) user.get("createdAt")) >= 0);
            }
        }
        assertTrue(deleted > 0 && deleted < ids.size() / 4, deleted + " deleted users");
    }

    @Test
    void openDialogsBelongToLiveUsersAndCarryTheirLastMessage() {
        for (int botId : botIds()) {
            List<Map<String, Object>> dialogs = DATA.chatformaDialogs(botId);
            assertEquals(15, dialogs.size());
            for (int i = 0; i < dialogs.size(); i++) {
                Map<String, Object> dialog = dialogs.get(i);
                assertEquals(DIALOG_KEYS, new ArrayList<>(dialog.keySet()));
                assertEquals(botId, dialog.get("botId"));
                int userId = (Integer) dialog.get("id");
                Map<String, Object> user = DATA.chatformaUsers(botId).stream()
                        .filter(u -> u.get("id").equals(userId)).findFirst().orElseThrow();
                assertNull(user.get("deletedAt"));
                USER_KEYS.stream().filter(key -> !key.equals("updatedAt"))
                        .forEach(key -> assertEquals(user.get(key), dialog.get(key), key));
                List<Map<String, Object>> messages = DATA.chatformaDialogMessages(botId, userId);
                assertTrue(messages.size() >= 3 && messages.size() <= 40, messages.size() + " messages");
                assertEquals(messages.get(0).get("message"), dialog.get("message"));
                assertEquals(messages.get(0).get("createdAt"), dialog.get("lastMessageCreatedAt"));
                if (i > 0) {
                    assertTrue(((String) dialogs.get(i - 1).get("lastMessageCreatedAt"))
                            .compareTo((String) dialog.get("lastMessageCreatedAt")) >= 0, "most recent first");
                }
            }
        }
    }

    @Test
    void dialogMessagesComeNewestFirstWithIdsUniqueAcrossTheAccountAndNoUserId() {
        Set<Integer> ids = new HashSet<>();
        boolean both = false;
        for (int botId : botIds()) {
            for (Map<String, Object> dialog : DATA.chatformaDialogs(botId)) {
                List<Map<String, Object>> messages = DATA.chatformaDialogMessages(botId, (Integer) dialog.get("id"));
                Set<Object> senders = new HashSet<>();
                for (int i = 0; i < messages.size(); i++) {
                    Map<String, Object> message = messages.get(i);
                    assertEquals(MESSAGE_KEYS, new ArrayList<>(message.keySet()));
                    assertEquals(botId, message.get("botId"));
                    assertEquals(dialog.get("chatId"), message.get("chatId"));
                    assertTrue(ids.add((Integer) message.get("id")), "duplicate message id");
                    senders.add(message.get("isClientMessage"));
                    if (i > 0) {
                        assertTrue((Integer) messages.get(i - 1).get("id") > (Integer) message.get("id"));
                        assertTrue(((String) messages.get(i - 1).get("createdAt"))
                                .compareTo((String) message.get("createdAt")) >= 0, "newest first");
                    }
                }
                assertEquals(Boolean.TRUE, messages.get(messages.size() - 1).get("isClientMessage"),
                        "the user starts the dialog");
                both |= senders.size() == 2;
            }
        }
        assertTrue(both, "no dialog with both user and bot messages");
    }

    @Test
    void formsSegmentsAndPredefinedMessagesHaveTheDocumentedIdTypes() {
        Set<Object> formIds = new HashSet<>();
        Set<Object> segmentIds = new HashSet<>();
        for (int botId : botIds()) {
            List<Map<String, Object>> forms = DATA.chatformaForms(botId);
            List<Map<String, Object>> segments = DATA.chatformaSegments(botId);
            List<Map<String, Object>> messages = DATA.chatformaMessages(botId);
            assertTrue(forms.size() >= 2 && forms.size() <= 4, forms.size() + " forms");
            assertTrue(segments.size() >= 3 && segments.size() <= 5, segments.size() + " segments");
            assertTrue(messages.size() >= 3 && messages.size() <= 6, messages.size() + " predefined messages");
            for (Map<String, Object> form : forms) {
                assertEquals(List.of("id", "name"), new ArrayList<>(form.keySet()));
                assertTrue(FORM_ID.matcher((String) form.get("id")).matches(), form.toString());
                assertTrue(formIds.add(form.get("id")));
            }
            for (Map<String, Object> segment : segments) {
                assertEquals(List.of("id", "name"), new ArrayList<>(segment.keySet()));
                assertTrue(((String) segment.get("id")).matches("[1-9]\\d*"), segment.toString());
                assertTrue(segmentIds.add(segment.get("id")));
            }
            messages.forEach(message -> assertInstanceOf(Integer.class, message.get("id")));
        }
    }

    @Test
    void countsFollowTheConfigAndDialogsNeverOutnumberLiveUsers() {
        SandboxData data = SandboxData.generate(SandboxConfig.defaults().withBots(2).withBotUsers(6).withBotDialogs(50));
        for (Map<String, Object> bot : data.chatformaBots()) {
            int botId = (Integer) bot.get("id");
            assertEquals(6, data.chatformaUsers(botId).size());
            long live = data.chatformaUsers(botId).stream().filter(u -> u.get("deletedAt") == null).count();
            assertEquals(live, data.chatformaDialogs(botId).size());
        }
        SandboxData tiny = SandboxData.generate(SandboxConfig.defaults().withScale(Scale.TINY));
        int botId = (Integer) tiny.chatformaBots().get(0).get("id");
        assertEquals(List.of(8, 4), List.of(tiny.chatformaUsers(botId).size(), tiny.chatformaDialogs(botId).size()));
        assertEquals(List.of(), tiny.chatformaUsers(1), "unknown bot");
        assertEquals(List.of(), tiny.chatformaDialogMessages(botId, 1), "unknown dialog");
    }

    @Test
    @SuppressWarnings("unchecked")
    void truthListsNameTheirParents() {
        Map<String, Object> truth = (Map<String, Object>) DATA.truth().get("chatforma");
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> dialogMessages = new ArrayList<>();
        List<Map<String, Object>> forms = new ArrayList<>();
        List<Map<String, Object>> dialogs = new ArrayList<>();
        for (int botId : botIds()) {
            DATA.chatformaUsers(botId).forEach(user -> users.add(JsonMaps.withFirst("botId", botId, user)));
            DATA.chatformaForms(botId).forEach(form -> forms.add(JsonMaps.withFirst("botId", botId, form)));
            for (Map<String, Object> dialog : DATA.chatformaDialogs(botId)) {
                dialogs.add(dialog);
                DATA.chatformaDialogMessages(botId, (Integer) dialog.get("id")).forEach(message ->
                        dialogMessages.add(JsonMaps.withFirst("botUserId", dialog.get("id"), message)));
            }
        }
        assertEquals(users, truth.get("users"));
        assertEquals(dialogs, truth.get("dialogs"));
        assertEquals(dialogMessages, truth.get("dialogMessages"));
        assertEquals(forms, truth.get("forms"));
        assertEquals("botId", ((List<Map<String, Object>>) truth.get("segments")).get(0).keySet().iterator().next());
        assertEquals("botId", ((List<Map<String, Object>>) truth.get("messages")).get(0).keySet().iterator().next());
        assertEquals(List.of(), truth.get("dispatches"));
        assertFalse(DATA.chatformaUsers(botIds().get(0)).get(0).containsKey("botId"), "served users have no botId");
    }

    @Test
    void botsAndOtherStreamsAreUntouchedByAudienceSizes() {
        SandboxData small = SandboxData.generate(SandboxConfig.defaults().withBotUsers(2).withBotDialogs(1));
        SandboxData large = SandboxData.generate(SandboxConfig.defaults().withBotUsers(90).withBotDialogs(30));
        assertEquals(small.chatformaBots(), large.chatformaBots());
        assertEquals(small.chaportVisitors(), large.chaportVisitors());
        int botId = (Integer) small.chatformaBots().get(0).get("id");
        assertEquals(small.chatformaForms(botId), large.chatformaForms(botId), "forms have their own stream");
    }

    private static List<Integer> botIds() {
        return DATA.chatformaBots().stream().map(bot -> (Integer) bot.get("id")).toList();
    }
}
