package io.chatload.webhook;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The receivers' settings ({@code chatload.webhook.*}, {@code chatload.<source>.webhook.*}), checked at start: a
 * receiver enabled without a usable secret, or with a public URL that is not one, stops the start with one line.
 *
 * @param host          the address Camel's HTTP server listens on
 * @param port          its port
 * @param receivers     one per source whose vendor has a receiver, enabled or not, in the plug-ins' order
 * @param concurrency   how many deliveries a receiver works on at the same time (e.g. chats fetched after them)
 * @param maxPending    deliveries waiting for that work before deliveries are answered 503
 * @param checkEveryMs  how often the subscriptions are checked (and re-created when someone deleted them)
 */
public record WebhookSettings(String host, int port, List<Receiver> receivers, int concurrency, int maxPending,
                              long checkEveryMs) {

    public WebhookSettings {
        receivers = List.copyOf(receivers);
    }

    /** One source's receiver; {@code publicUrl} (no trailing slash) is null when subscriptions are not managed. */
    public record Receiver(String source, boolean enabled, WebhookSecret secret, String publicUrl) {

        /** Where the API delivers: {@code <public-url>/webhooks/<source>/<secret>}; holds the secret, never logged. */
        public String targetUrl() {
            return publicUrl + WebhookRoutes.path(source) + "/" + secret.reveal();
        }

        /** The target URL as chatload logs it. */
        public String maskedTargetUrl() {
            return publicUrl + WebhookRoutes.path(source) + "/" + WebhookSecret.MASK;
        }
    }

    /** @param sources the sources that have a receiver */
    static WebhookSettings from(ChatloadConfig config, Collection<String> sources) {
        return new WebhookSettings(config.get("chatload.webhook.host", "0.0.0.0"),
                config.getInt("chatload.webhook.port", 8080, 1),
                sources.stream().map(source -> receiver(config, source)).toList(),
                config.getInt("chatload.webhook.concurrency", 4, 1),
                config.getInt("chatload.webhook.max-pending", 10_000, 1),
                config.getInt("chatload.webhook.subscriptions-check-ms", 900_000, 1_000));
    }

    /** The source's receiver. */
    Receiver receiver(String source) {
        return receivers.stream().filter(r -> r.source().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no webhook receiver for source " + source));
    }

    boolean anyEnabled() {
        return receivers.stream().anyMatch(Receiver::enabled);
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
