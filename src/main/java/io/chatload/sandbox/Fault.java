package io.chatload.sandbox;

/**
 * The fault one request drew.
 *
 * @param variant which of its two forms the kind takes: 503 rather than 500 for {@link FaultKind#SERVER_ERROR},
 *                a {@code Retry-After} for {@link FaultKind#TOO_MANY_REQUESTS}; ignored by the other kinds
 * @param slowMs  how long a {@link FaultKind#SLOW} answer waits
 */
record Fault(FaultKind kind, boolean variant, long slowMs) {
}
