package io.chatload.source;

import java.net.URI;
import java.util.Locale;

/**
 * Decides whether a URL is on the API's own scheme, host and port: only such URLs are fetched or get credentials. A
 * URL with user-info ({@code http://user:pw@host/}) is refused even on the API's host: it carries a credential of its
 * own that chatload would send along, and the API never names one.
 */
public record OriginGuard(String scheme, String host, int port) {

    public static OriginGuard of(URI base) {
        return new OriginGuard(base.getScheme().toLowerCase(Locale.ROOT), base.getHost().toLowerCase(Locale.ROOT), effectivePort(base));
    }

    public boolean allows(URI uri) {
        return uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                && scheme.equals(uri.getScheme().toLowerCase(Locale.ROOT))
                && host.equals(uri.getHost().toLowerCase(Locale.ROOT))
                && port == effectivePort(uri);
    }

    /** The origin as a user would write it, for messages: {@code https://app.chaport.com:443}. */
    public String origin() {
        return scheme + "://" + host + ":" + port;
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
