package io.chatload.sandbox;

/**
 * Quirks of the simulated Chatforma API that a loader must survive, each switched by the sandbox's config.
 *
 * @param envelope    how every list is wrapped
 * @param ignorePage  serve page 1 whatever {@code page} asks for, like a server without paging
 * @param maxPerPage  the largest {@code per_page} honoured; larger requests are clamped to it
 * @param bearer      also accept the key as {@code Authorization: Bearer <key>}, which one source claims works
 */
public record ChatformaSwitches(ChatformaEnvelope envelope, boolean ignorePage, int maxPerPage, boolean bearer) {

    public ChatformaSwitches {
        if (envelope == null) {
            throw new IllegalArgumentException("envelope must not be null");
        }
        if (maxPerPage < 1) {
            throw new IllegalArgumentException("maxPerPage must be at least 1, got " + maxPerPage);
        }
    }

    static ChatformaSwitches defaults() {
        return new ChatformaSwitches(ChatformaEnvelope.BARE, false, 100, false);
    }
}
