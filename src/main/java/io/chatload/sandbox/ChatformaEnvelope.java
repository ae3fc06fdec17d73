package io.chatload.sandbox;

/**
 * How the simulated Chatforma API wraps every list it serves. Working clients suggest bare arrays; one low-trust
 * source says {@code data}, so a loader should be tested against both (see shared/api/chatforma.md §3).
 */
public enum ChatformaEnvelope {
    /** A bare JSON array; the default. */
    BARE,
    /** {@code {"data":[...],"meta":{"page":..,"per_page":..,"total":..}}}. */
    DATA;

    /** Reads an envelope name as a user types it on the command line, ignoring case. */
    public static ChatformaEnvelope parse(String s) {
        return Choices.parse(ChatformaEnvelope.class, "envelope", s);
    }
}
