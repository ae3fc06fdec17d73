package io.chatload.sandbox;

/**
 * A client error an endpoint answers with, in the error shape of its API. Thrown deep inside request parsing or a
 * lookup, so that endpoint code reads as the happy path; {@link ApiHandler} turns it into the answer.
 */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    int status() {
        return status;
    }
}
