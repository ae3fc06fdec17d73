package io.chatload.source;

/** Client settings shared by every request to one API. */
public record HttpSettings(int connectTimeoutMs, int readTimeoutMs, int maxConnections) {
}
