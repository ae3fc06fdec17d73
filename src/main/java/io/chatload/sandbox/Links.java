package io.chatload.sandbox;

/** Writes the URLs a simulated API links to, absolute or host-relative as the sandbox is configured. */
final class Links {
    private final String serverUrl;
    private final LinksStyle style;

    /** @param serverUrl scheme, host and port of this server, e.g. "http://127.0.0.1:8080" */
    Links(String serverUrl, LinksStyle style) {
        this.serverUrl = serverUrl;
        this.style = style;
    }

    /** @param path a path on this server, e.g. "/chaport/api/v1/visitors?page=2" */
    String to(String path) {
        return style == LinksStyle.ABSOLUTE ? serverUrl + path : path;
    }
}
