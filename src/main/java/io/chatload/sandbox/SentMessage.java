package io.chatload.sandbox;

import java.util.Map;

/**
 * A message {@code POST /messages} delivered: the event it appended to a chat. A request repeating an earlier
 * {@code externalId} delivers nothing and is not recorded again.
 *
 * @param externalId the client's idempotency key, or null when it sent none
 * @param event      the appended operator-message event, as the chat's events list serves it
 */
public record SentMessage(String visitorId, int chatId, String externalId, Map<String, Object> event) {
}
