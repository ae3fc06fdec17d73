package io.chatload.outbox;

import java.util.Locale;

/** The {@code status} column of an outbox row. */
public enum OutboxStatus {
    /** Waiting to be sent: inserted by the user, or back after a retryable error. */
    PENDING,
    /** Claimed and being sent. Committed before the HTTP call, so after a crash it marks the crash window. */
    SENDING,
    /** The API accepted it. */
    SENT,
    /** Given up on: the API rejected it, the row is invalid, or it ran out of attempts. See {@code last_error}. */
    FAILED,
    /**
     * Only in outboxes whose API is not idempotent: the request may or may not have reached the API (the process
     * stopped during the call, or the call ended in a way that does not say). chatload never resends such a row by itself; a person checks and sets
     * the status to {@code pending} (resend) or {@code sent}.
     */
    UNKNOWN;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
