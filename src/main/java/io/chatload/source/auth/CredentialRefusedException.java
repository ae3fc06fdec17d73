package io.chatload.source.auth;

/** The token endpoint refused the client's credentials: trying again cannot help. The message holds no secret. */
public final class CredentialRefusedException extends RuntimeException {

    public CredentialRefusedException(String message) {
        super(message);
    }
}
