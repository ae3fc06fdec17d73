package io.chatload.sandbox;

/** A change to a chat that Chaport delivers as a webhook: {@code chat.started} or {@code chat.finished}. */
record ChatChange(String event, String visitorId, int chatId) {
}
