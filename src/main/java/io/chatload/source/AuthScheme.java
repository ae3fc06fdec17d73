package io.chatload.source;

/**
 * How a source presents its credential: a header name and an optional scheme word, e.g. {@code Authorization} +
 * {@code Bearer} (Chaport) or {@code api_key} with the raw key (what working Chatforma clients send).
 */
public record AuthScheme(String header, String scheme) {

    public AuthScheme {
        if (header == null || header.isBlank() || !header.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("auth header name '" + header + "' is not a valid HTTP header name");
        }
        scheme = scheme == null ? "" : scheme.trim();
    }

    public String headerValue(String secret) {
        return scheme.isEmpty() ? secret : scheme + " " + secret;
    }
}
