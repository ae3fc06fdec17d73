package io.chatload.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ways the sandbox can fail an API request on purpose, named as {@code --faults} spells them. A request's draw is
 * matched against the rates in this order, so reordering the constants would change which requests fault.
 */
public enum FaultKind {
    /** 500 or 503 (half each) with the API's JSON error body. */
    SERVER_ERROR("5xx"),
    /** 429 Too Many Requests; half with {@code Retry-After: 1}, half without. */
    TOO_MANY_REQUESTS("429"),
    /** 429 Too Many Requests with {@code Retry-After} as an HTTP-date 1 to 2 seconds ahead. */
    TOO_MANY_REQUESTS_DATE("429date"),
    /** The connection is closed without any answer. */
    RESET("reset"),
    /** The real answer, sent after {@link SandboxFaults#slowMs()}. */
    SLOW("slow"),
    /** Status 200, JSON content type and the first half of the real body. */
    TRUNCATED("truncated"),
    /** Status 200 with an HTML error page, as a proxy or CDN in the way would send. */
    HTML("html");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** The name in {@code --faults}, e.g. "5xx". */
    public String label() {
        return label;
    }

    /** Reads a label, ignoring case. */
    static FaultKind parse(String text) {
        for (FaultKind kind : values()) {
            if (kind.label.equalsIgnoreCase(text)) {
                return kind;
            }
        }
        throw SandboxFaults.invalid("Unknown fault kind '" + text + "'");
    }

    /** "5xx, 429, ..., html", for error messages. */
    static String labels() {
        return Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", "));
    }
}
