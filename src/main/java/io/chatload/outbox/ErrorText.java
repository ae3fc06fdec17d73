package io.chatload.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.text.PrintableText;
import java.util.Map;

/**
 * One-line, short error text for {@code last_error} and logs: never a stack trace, never a whole response body, and
 * never the source's credential (scrubbed in case an API or a library echoes it).
 */
final class ErrorText {
    private static final int MAX_REASON = 120;
    private static final int MAX_LINE = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;

    ErrorText(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret;
    }

    /**
     * The line, without line breaks, credential or excess length; what else could steer a terminal that prints it
     * (C1 and bidi controls, U+2028) escaped, as {@link PrintableText} does.
     */
    String clean(String text) {
        String line = PrintableText.escape(text == null ? "" : text.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip());
        if (secret != null) {
            line = line.replace(secret, "***");
        }
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
    }

    /**
     * A short reason from an error answer: its JSON {@code message} ({@code error.message}, {@code error},
     * {@code detail}), else the status line's reason phrase; the rest of the body is not kept.
     */
    String reason(String body, String reasonPhrase) {
        String reason = messageOf(body);
        if (reason == null) {
            reason = reasonPhrase;
        }
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String line = clean(reason);
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
    }

    /** The most specific message of a failure: type and first line. */
    String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = message == null || message.isBlank() ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
        return clean(text);
    }

    private static String messageOf(String body) {
        if (body == null || body.isBlank() || body.length() > 100_000) {
            return null;
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (Exception e) {
            return null;
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return null;
        }
        if (map.get("error") instanceof Map<?, ?> error && error.get("message") instanceof String m) {
            return m;
        }
        for (String key : new String[] {"message", "error", "detail"}) {
            if (map.get(key) instanceof String m) {
                return m;
            }
        }
        return null;
    }
}
