package io.chatload.config;

import java.net.URI;

/**
 * One API source's connection settings. {@code secret} is the token or key; {@link #toString()} never shows it.
 */
public record SourceConfig(String name, URI baseUrl, String credentialProperty, String secret) {

    public boolean enabled() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "SourceConfig[" + name + ", " + baseUrl + ", credential " + (enabled() ? "set" : "missing") + "]";
    }
}
