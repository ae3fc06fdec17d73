package io.chatload.config;

/** A setting is missing or invalid. The message names the setting and says what to do; it never holds a secret. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
