package io.chatload.source;

/** The API answered 2xx, but not with what the resource expects. The message says what was found. */
public final class BadResponseException extends RuntimeException {
    public BadResponseException(String message) {
        super(message);
    }

    public BadResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
