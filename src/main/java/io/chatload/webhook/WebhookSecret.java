package io.chatload.webhook;

import io.chatload.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The secret path segment of a webhook URL ({@code /webhooks/<source>/<secret>}): the only thing that tells a real
 * delivery from anyone's POST, since neither API signs its deliveries. Compared in constant time; shown nowhere:
 * {@link #toString()} and {@link #mask} hide it in every URL chatload logs.
 */
final class WebhookSecret {

    /** Letters, digits, '-' and '_': the value goes into a URL path as is, without encoding. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    static final String MASK = "****";

    private final String value;
    private final byte[] bytes;

    private WebhookSecret(String value) {
        this.value = value;
        this.bytes = value.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws ConfigException naming {@code key} (never the value) when the secret is missing or unusable */
    static WebhookSecret of(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + " is not set: a webhook receiver needs a secret, the last part of its URL "
                    + "(e.g. the output of: openssl rand -hex 24)");
        }
        if (!SHAPE.matcher(value.trim()).matches()) {
            throw new ConfigException(key + " must be 16 to 128 letters, digits, '-' or '_' (it is part of the webhook "
                    + "URL), e.g. the output of: openssl rand -hex 24");
        }
        return new WebhookSecret(value.trim());
    }

    /** The configured value as a secret to mask, or null when it is unset or could not be a secret. */
    static WebhookSecret configured(String value) {
        return value != null && SHAPE.matcher(value.trim()).matches() ? new WebhookSecret(value.trim()) : null;
    }

    /** Constant time in the candidate's content, so response times do not reveal how much of it was right. */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** The text with every occurrence of the secret replaced by {@value #MASK}. */
    String mask(String text) {
        return text == null ? null : text.replace(value, MASK);
    }

    boolean occursIn(String text) {
        return text != null && text.contains(value);
    }

    /** For building the URL that is registered with the API; never for logs. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
