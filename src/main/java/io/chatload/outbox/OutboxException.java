package io.chatload.outbox;

/** An outbox could not be drained; the message is one line naming the outbox, the cause and what to do. */
public final class OutboxException extends RuntimeException {

    OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
