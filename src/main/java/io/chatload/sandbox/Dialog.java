package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One open Chatforma dialog: the record {@code GET /bots/{botId}/dialogs/users} serves for it (the user's fields plus
 * {@code botId}, the last {@code message}, {@code lastMessageCreatedAt} and {@code updatedAt}) and its messages.
 *
 * @param messages newest first, as {@code GET /bots/{botId}/dialogs/{botUserId}/messages} serves them
 */
record Dialog(int botId, Map<String, Object> user, Map<String, Object> record, List<Map<String, Object>> messages) {
    private static final Set<String> USER_TIMES = Set.of("createdAt", "updatedAt", "deletedAt");

    /** @param messages newest first, at least one */
    static Dialog of(int botId, Map<String, Object> user, List<Map<String, Object>> messages) {
        Map<String, Object> newest = messages.get(0);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", user.get("id"));
        record.put("botId", botId);
        user.forEach((key, value) -> {
            if (!key.equals("id") && !USER_TIMES.contains(key)) {
                record.put(key, value);
            }
        });
        record.put("message", newest.get("message"));
        record.put("lastMessageCreatedAt", newest.get("createdAt"));
        record.put("createdAt", user.get("createdAt"));
        record.put("updatedAt", later((String) user.get("updatedAt"), (String) newest.get("createdAt")));
        record.put("deletedAt", user.get("deletedAt"));
        return new Dialog(botId, user, Collections.unmodifiableMap(record), Collections.unmodifiableList(messages));
    }

    int botUserId() {
        return (Integer) user.get("id");
    }

    String lastMessageCreatedAt() {
        return (String) record.get("lastMessageCreatedAt");
    }

    /** @param newer oldest first, all newer than the dialog's messages */
    Dialog with(List<Map<String, Object>> newer) {
        List<Map<String, Object>> messages = new ArrayList<>(newer.size() + this.messages.size());
        for (int i = newer.size() - 1; i >= 0; i--) {
            messages.add(newer.get(i));
        }
        messages.addAll(this.messages);
        return of(botId, user, messages);
    }

    /** Timestamps in one fixed format compare as text. */
    private static String later(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
