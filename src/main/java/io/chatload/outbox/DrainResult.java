package io.chatload.outbox;

/**
 * What one drain of an outbox did.
 *
 * @param outbox  the outbox's id, e.g. {@code <source>.messages}
 * @param sent    rows the API accepted, now {@code sent}
 * @param failed  rows now {@code failed}: rejected by the API, invalid, or out of attempts
 * @param retried rows back to {@code pending} after a retryable error, for a later drain
 * @param unknown rows now {@code unknown}: the API may or may not have acted on them (see {@link OutboxStatus#UNKNOWN})
 */
public record DrainResult(String outbox, int sent, int failed, int retried, int unknown) {

    public boolean isEmpty() {
        return sent + failed + retried + unknown == 0;
    }

    @Override
    public String toString() {
        return outbox + ": " + sent + " sent, " + failed + " failed, " + retried + " to retry, " + unknown + " unknown";
    }
}
