package io.chatload.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The receivers' settings: defaults off, and each mistake one line that names the setting and never the secret. */
class WebhookSettingsTest {

    /** The sources with a receiver, as the vendor plug-ins make them. */
    private static final List<String> SOURCES = List.of("chaport", "chatforma");
    private static final String SECRET = "s3cr3t-value-0123456789abcdef";

    @Test
    void receiversAreOffByDefault() {
        WebhookSettings settings = WebhookSettings.from(ChatloadConfig.load(Map.of(), new Properties()), SOURCES);
        assertFalse(settings.anyEnabled());
        assertEquals(8080, settings.port());
    }

    @Test
    void theEnvironmentEnablesAReceiverAndItsUrlEndsWithTheSecret() {
        WebhookSettings settings = WebhookSettings.from(ChatloadConfig.load(Map.of("CHAPORT_WEBHOOK_ENABLED", "true",
                "CHAPORT_WEBHOOK_SECRET", SECRET, "CHAPORT_WEBHOOK_PUBLIC_URL", "https://chatload.example.com/in/"),
                new Properties()), SOURCES);
        assertTrue(settings.receiver("chaport").enabled());
        assertFalse(settings.receiver("chatforma").enabled());
        assertEquals("https://chatload.example.com/in/webhooks/chaport/" + SECRET, settings.receiver("chaport").targetUrl());
        assertEquals("https://chatload.example.com/in/webhooks/chaport/****", settings.receiver("chaport").maskedTargetUrl());
        assertFalse(settings.receiver("chaport").secret().toString().contains(SECRET));
    }

    @Test
    void enabledWithoutASecretIsOneLineNamingTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("chatload.chaport.webhook.enabled", "true")));
        assertTrue(e.getMessage().startsWith("chatload.chaport.webhook.secret is not set"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnusableSecretOrUrlOrFlagIsOneLineWithoutTheValue() {
        String weak = "short";
        ConfigException secret = assertThrows(ConfigException.class, () -> settings(Map.of(
                "chatload.chatforma.webhook.enabled", "true", "chatload.chatforma.webhook.secret", weak)));
        assertTrue(secret.getMessage().startsWith("chatload.chatforma.webhook.secret must be 16 to 128"), secret.getMessage());
        assertFalse(secret.getMessage().contains(weak));
        String spaced = "has spaces and / slashes in it";
        assertFalse(assertThrows(ConfigException.class, () -> settings(Map.of("chatload.chatforma.webhook.enabled", "true",
                "chatload.chatforma.webhook.secret", spaced))).getMessage().contains(spaced));

        ConfigException url = assertThrows(ConfigException.class, () -> settings(Map.of("chatload.chaport.webhook.enabled",
                "true", "chatload.chaport.webhook.secret", SECRET, "chatload.chaport.webhook.public-url", "chatload.example.com")));
        assertTrue(url.getMessage().startsWith("chatload.chaport.webhook.public-url = 'chatload.example.com' is not an "
                + "absolute http(s) URL"), url.getMessage());

        ConfigException flag = assertThrows(ConfigException.class, () -> settings(Map.of("chatload.chaport.webhook.enabled", "yes")));
        assertEquals("chatload.chaport.webhook.enabled = 'yes' must be true or false", flag.getMessage());
    }

    @Test
    void theSecretMatchesOnlyItselfAndIsMaskedInText() {
        WebhookSecret secret = WebhookSecret.of("k", SECRET);
        assertTrue(secret.matches(SECRET));
        assertFalse(secret.matches(SECRET.substring(1)));
        assertFalse(secret.matches(SECRET + "x"));
        assertFalse(secret.matches(null));
        assertEquals("https://x/webhooks/chaport/****?a=****", secret.mask("https://x/webhooks/chaport/" + SECRET + "?a=" + SECRET));
    }

    private static WebhookSettings settings(Map<String, String> properties) {
        Properties p = new Properties();
        p.putAll(properties);
        return WebhookSettings.from(ChatloadConfig.load(Map.of(), p), SOURCES);
    }
}
