package io.chatload.outbox;

import io.chatload.load.DataType;

/** A column an outbox kind adds to the common ones (id, status, attempts, last_error, created_at, sent_at). */
public record Column(String name, DataType type) {
}
