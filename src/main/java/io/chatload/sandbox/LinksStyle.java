package io.chatload.sandbox;

/**
 * How the simulated Chaport API writes the URLs in {@code links.next} and {@code links.more}. Whether the real API
 * sends absolute URLs or host-relative paths is unknown, so a loader must be tested against both.
 */
public enum LinksStyle {
    /** {@code http://127.0.0.1:<port>/chaport/api/v1/...}; the default. */
    ABSOLUTE,
    /** {@code /chaport/api/v1/...}, to be resolved against the server the response came from. */
    RELATIVE;

    /** Reads a style as a user types it on the command line, ignoring case. */
    public static LinksStyle parse(String s) {
        return Choices.parse(LinksStyle.class, "links style", s);
    }
}
