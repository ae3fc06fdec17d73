package io.chatload.webhook;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The receivers' settings ({@code chatload.webhook.*}, {@code chatload.<source>.webhook.*}), checked at start: a
 * receiver enabled without a usable secret, or with a public URL that is not one, stops the start with one line.
 *
 * @param host          the address Camel's HTTP server listens on
 * @param port          its port
 * @param concurrency   chats fetched at the same time after deliveries
 * @param maxPending    chats waiting to be fetched before deliveries are answered 503
 * @param checkEveryMs  how often the subscriptions are checked (and re-created when someone deleted them)
 */
record WebhookSettings(String host, int port, Receiver chaport, Receiver chatforma, String chatsResource,
                       int concurrency, int maxPending, long checkEveryMs) {

    /** The sources that have a receiver. */
    static final List<String> SOURCES = List.of("chaport", "chatforma");

    /** One source's receiver; {@code publicUrl} (no trailing slash) is null when subscriptions are not managed. */
    record Receiver(String source, boolean enabled, WebhookSecret secret, String publicUrl) {

        /** Where the API delivers: {@code <public-url>/webhooks/<source>/<secret>}; holds the secret, never logged. */
        String targetUrl() {
            return publicUrl + WebhookRoutes.path(source) + "/" + secret.reveal();
        }

        /** The target URL as chatload logs it. */
        String maskedTargetUrl() {
            return publicUrl + WebhookRoutes.path(source) + "/" + WebhookSecret.MASK;
        }
    }

    static WebhookSettings from(ChatloadConfig config) {
        return new WebhookSettings(config.get("chatload.webhook.host", "0.0.0.0"),
                config.getInt("chatload.webhook.port", 8080, 1),
                receiver(config, "chaport"), receiver(config, "chatforma"),
                config.get("chatload.chaport.webhook.chats-resource", "chaport.visitor_chats"),
                config.getInt("chatload.webhook.concurrency", 4, 1),
                config.getInt("chatload.webhook.max-pending", 10_000, 1),
                config.getInt("chatload.webhook.subscriptions-check-ms", 900_000, 1_000));
    }

    boolean anyEnabled() {
        return chaport.enabled() || chatforma.enabled();
    }

    private static Receiver receiver(ChatloadConfig config, String source) {
        String prefix = "chatload." + source + ".webhook.";
        boolean enabled = bool(config, prefix + "enabled");
        if (!enabled) {
            return new Receiver(source, false, null, null);
        }
        WebhookSecret secret = WebhookSecret.of(prefix + "secret", config.get(prefix + "secret", null));
        String publicUrl = config.get(prefix + "public-url", null);
        return new Receiver(source, true, secret, publicUrl == null ? null : publicUrl(prefix + "public-url", publicUrl));
    }

    private static boolean bool(ChatloadConfig config, String key) {
        String v = config.get(key, "false").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key + " = '" + v + "' must be true or false");
        }
        return v.equals("true");
    }

    /** The address the API can reach this process at, e.g. https://chatload.example.com (no query, no fragment). */
    static String publicUrl(String key, String value) {
        String trimmed = value.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL without query");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " = '" + value + "' is not an absolute http(s) URL without query or "
                    + "fragment: name where the API can reach this process, e.g. https://chatload.example.com");
        }
    }
}
