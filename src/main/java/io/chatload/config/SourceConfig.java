package io.chatload.config;

import java.net.URI;

/**
 * One API source's connection settings. {@code secret} is the token or key; {@link #toString()} never shows it.
 * {@code concurrency} bounds how many parent records fan out to their child resources at the same time.
 */
public record SourceConfig(String name, URI baseUrl, String credentialProperty, String secret, int concurrency) {

    public boolean enabled() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "SourceConfig[" + name + ", " + baseUrl + ", credential " + (enabled() ? "set" : "missing") + "]";
    }
}
