package io.chatload.sandbox;

import java.util.Map;

/**
 * A generated chat before it has an id: Chaport numbers chats across the account in the order they started, which
 * is only known once every visitor's chats exist.
 *
 * @param fields the chat's keys after {@code id}, in served order
 */
record ChatDraft(long startedAt, Map<String, Object> fields) {

    Map<String, Object> numbered(int id) {
        return JsonMaps.withFirst("id", id, fields);
    }
}
