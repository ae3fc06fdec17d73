package io.chatload.webhook;

import io.chatload.config.ChatloadConfig;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Hides webhook secrets in a record about to be written, in every string value at any depth: an API that lists
 * webhook subscriptions returns their target URLs, whose last path segment is the secret, and no table may keep it
 * ({@code <schema>.webhooks.target_url} keeps {@code .../webhooks/<source>/****}). The engine applies it to every
 * record of every source in every command, whether or not a receiver is enabled: the segment after
 * {@code /webhooks/<source>/} is masked whatever it is (a subscription may predate the configured secret, or point at
 * another chatload), and so is each configured receiver secret wherever it appears.
 */
public final class SecretMasking implements Consumer<Map<String, Object>> {

    /** {@code /webhooks/<source>/<secret>}: the secret is the segment after the source's. */
    private static final Pattern WEBHOOK_PATH = Pattern.compile("(/webhooks/[^/?#\\s]+/)[^/?#\\s]+");

    private final List<WebhookSecret> secrets;

    SecretMasking(List<WebhookSecret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /**
     * The masking for the receivers' secrets as configured ({@code chatload.<source>.webhook.secret}), enabled or not;
     * a value that could not be a secret (see {@link WebhookSecret#of}) is no receiver's and is left out, so that a
     * short stray value does not blank out ordinary text.
     *
     * @param sources the sources that have a webhook receiver (their vendor plug-in makes one)
     */
    public static SecretMasking from(ChatloadConfig config, Collection<String> sources) {
        return new SecretMasking(sources.stream()
                .map(source -> WebhookSecret.configured(config.get("chatload." + source + ".webhook.secret", null)))
                .filter(Objects::nonNull).toList());
    }

    @Override
    public void accept(Map<String, Object> record) {
        mask(record);
    }

    @SuppressWarnings("unchecked")
    private void mask(Map<String, Object> record) {
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof String text) {
                String masked = masked(text);
                if (masked != text) {
                    entry.setValue(masked);
                }
            } else if (value instanceof Map<?, ?> nested) {
                mask((Map<String, Object>) nested);
            } else if (value instanceof List<?> list) {
                mask((List<Object>) list);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void mask(List<Object> list) {
        for (ListIterator<Object> it = list.listIterator(); it.hasNext(); ) {
            Object value = it.next();
            if (value instanceof String text) {
                String masked = masked(text);
                if (masked != text) {
                    it.set(masked);
                }
            } else if (value instanceof Map<?, ?> nested) {
                mask((Map<String, Object>) nested);
            } else if (value instanceof List<?> inner) {
                mask((List<Object>) inner);
            }
        }
    }

    /** The same instance when nothing in it is masked. */
    String masked(String text) {
        String result = text;
        if (result.contains("/webhooks/")) {
            result = WEBHOOK_PATH.matcher(result).replaceAll("$1" + WebhookSecret.MASK); // the same instance when none
        }
        for (WebhookSecret secret : secrets) {
            if (secret.occursIn(result)) {
                result = secret.mask(result);
            }
        }
        return result;
    }
}
