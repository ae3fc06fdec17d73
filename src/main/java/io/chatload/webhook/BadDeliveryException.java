package io.chatload.webhook;

/** A delivery chatload cannot use: answered 400 with this one-line message, which quotes nothing secret. */
final class BadDeliveryException extends Exception {
    BadDeliveryException(String message) {
        super(message);
    }

    BadDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
