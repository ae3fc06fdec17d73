package io.chatload.source;

/**
 * The API answered 2xx, but not with what the resource expects. The message says what was found.
 * {@code transientFault}: the body was not even JSON (cut short, an HTML error page from a proxy), which another
 * try may cure; a well-formed answer of the wrong shape will not change on a retry.
 */
public final class BadResponseException extends RuntimeException {

    private final boolean transientFault;

    public BadResponseException(String message) {
        super(message);
        this.transientFault = false;
    }

    public BadResponseException(String message, Throwable cause, boolean transientFault) {
        super(message, cause);
        this.transientFault = transientFault;
    }

    public boolean transientFault() {
        return transientFault;
    }
}
