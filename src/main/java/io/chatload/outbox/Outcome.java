package io.chatload.outbox;

/**
 * What becomes of a row after an attempt.
 *
 * @param status     {@code SENT}, {@code FAILED}, {@code UNKNOWN}, or {@code PENDING} to retry later
 * @param lastError  one line for the {@code last_error} column; null when sent
 * @param responseId the id the API gave the created object, when the kind stores one
 * @param advice     what a person should do, for the log line; null when nothing
 */
record Outcome(OutboxStatus status, String lastError, String responseId, String advice) {

    static Outcome sent(String responseId) {
        return new Outcome(OutboxStatus.SENT, null, responseId, null);
    }
}
