package io.chatload.source.auth;

import java.io.IOException;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Puts a source's credential on one request, in the HTTP client (never in a Camel message, where tracing or logging
 * could show it). Called only for requests to the source's own origin. Implementations never log a secret and
 * never put one into an exception message.
 */
public interface Authenticator {

    void authenticate(HttpRequest request) throws IOException;
}
