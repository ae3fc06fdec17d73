package io.chatload.webhook;

/** A delivery chatload cannot use: answered 400 with this one-line message, which quotes nothing secret. */
public final class BadDeliveryException extends Exception {
    public BadDeliveryException(String message) {
        super(message);
    }

    public BadDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
