package io.chatload.source;

/**
 * Client settings shared by every request to one API.
 *
 * @param adaptiveTimeout how much sooner than {@code readTimeoutMs} a GET slower than the API's recent answers is cut
 *                        short and tried again
 */
public record HttpSettings(int connectTimeoutMs, int readTimeoutMs, int maxConnections, AdaptiveTimeout adaptiveTimeout) {

    /** With chatload's default adaptive timeout. */
    public HttpSettings(int connectTimeoutMs, int readTimeoutMs, int maxConnections) {
        this(connectTimeoutMs, readTimeoutMs, maxConnections, AdaptiveTimeout.DEFAULTS);
    }
}
