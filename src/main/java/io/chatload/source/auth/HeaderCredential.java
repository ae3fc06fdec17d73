package io.chatload.source.auth;

import org.apache.hc.core5.http.HttpRequest;

/** A fixed header: {@code Authorization: Bearer <token>}, an API key header, or HTTP basic's encoded pair. */
record HeaderCredential(String header, String value) implements Authenticator {

    @Override
    public void authenticate(HttpRequest request) {
        request.setHeader(header, value);
    }

    @Override
    public String toString() {
        return "HeaderCredential[" + header + "]";
    }
}
