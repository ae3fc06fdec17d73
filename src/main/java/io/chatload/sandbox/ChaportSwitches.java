package io.chatload.sandbox;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Quirks of the simulated Chaport API that a loader must survive, each switched by the sandbox's config.
 *
 * @param linksStyle      absolute URLs or host-relative paths in {@code links.next} and {@code links.more}
 * @param foreignLinkHost when set (e.g. {@code http://other.example:8080}), some visitors' {@code links.more} gains a
 *                        URL on that host, which a loader must refuse to follow with its token; null for none
 * @param teamIdsInChats  whether chats name team ids among their {@code operators}, as the real API does: ids that
 *                        {@code GET /operators/{id}} answers with 404, since the API has no teams endpoint
 */
public record ChaportSwitches(LinksStyle linksStyle, String foreignLinkHost, boolean teamIdsInChats) {

    public ChaportSwitches {
        if (linksStyle == null) {
            throw new IllegalArgumentException("linksStyle must not be null");
        }
        if (foreignLinkHost != null) {
            foreignLinkHost = normalisedBaseUrl(foreignLinkHost);
        }
    }

    public ChaportSwitches(LinksStyle linksStyle, String foreignLinkHost) {
        this(linksStyle, foreignLinkHost, true);
    }

    static ChaportSwitches defaults() {
        return new ChaportSwitches(LinksStyle.ABSOLUTE, null, true);
    }

    /** An http(s) URL with a host and nothing after it but an optional path; a trailing slash is dropped. */
    private static String normalisedBaseUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("foreignLinkHost must be an http(s) base URL such as "
                        + "http://other.example:8080, got '" + url + "'");
            }
            String text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("foreignLinkHost is not a URL: '" + url + "'", e);
        }
    }
}
