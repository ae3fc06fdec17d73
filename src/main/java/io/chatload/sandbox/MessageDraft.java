package io.chatload.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Chatforma dialog message before it has an id: ids count up across the account in the order messages were
 * written, which is only known once every dialog exists.
 *
 * @param fromClient written by the bot's user rather than by the bot or an operator
 */
record MessageDraft(int botId, int botUserId, String chatId, String text, boolean fromClient, long createdAt) {

    /** The served message, which names neither its user nor its dialog: only the request path does. */
    Map<String, Object> numbered(int id) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("botId", botId);
        message.put("chatId", chatId);
        message.put("message", text);
        message.put("isClientMessage", fromClient);
        message.put("createdAt", Timestamps.iso(createdAt));
        message.put("updatedAt", Timestamps.iso(createdAt));
        return Collections.unmodifiableMap(message);
    }
}
