package io.chatload.webhook;

import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Replaces the webhook secrets in a record about to be written, in every string value at any depth: Chaport lists
 * the subscriptions chatload created with their target URL, which holds the secret, and the secret must not land in
 * a table ({@code chaport_data.webhooks.target_url} keeps {@code .../webhooks/chaport/****}).
 */
final class SecretMasking {

    private SecretMasking() {
    }

    @SuppressWarnings("unchecked")
    static void mask(Map<String, Object> record, List<WebhookSecret> secrets) {
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof String text) {
                String masked = masked(text, secrets);
                if (masked != text) {
                    entry.setValue(masked);
                }
            } else if (value instanceof Map<?, ?> nested) {
                mask((Map<String, Object>) nested, secrets);
            } else if (value instanceof List<?> list) {
                mask((List<Object>) list, secrets);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mask(List<Object> list, List<WebhookSecret> secrets) {
        for (ListIterator<Object> it = list.listIterator(); it.hasNext(); ) {
            Object value = it.next();
            if (value instanceof String text) {
                String masked = masked(text, secrets);
                if (masked != text) {
                    it.set(masked);
                }
            } else if (value instanceof Map<?, ?> nested) {
                mask((Map<String, Object>) nested, secrets);
            } else if (value instanceof List<?> inner) {
                mask((List<Object>) inner, secrets);
            }
        }
    }

    /** The same instance when no secret occurs in it. */
    private static String masked(String text, List<WebhookSecret> secrets) {
        String result = text;
        for (WebhookSecret secret : secrets) {
            if (secret.occursIn(result)) {
                result = secret.mask(result);
            }
        }
        return result;
    }
}
