package io.chatload.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.config.ChatloadConfig;
import io.chatload.outbox.OutboxKind;
import io.chatload.webhook.Reply;
import io.chatload.webhook.WebhookContext;
import io.chatload.webhook.WebhookReceiver;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** How chatload finds the vendors' plug-ins, and what it asks them for. */
class VendorPluginsTest {

    /** Only Chaport has its token: only its outbox is served, yet both outboxes' names are known to --resources. */
    private static final ChatloadConfig CHAPORT_ONLY = ChatloadConfig.load(Map.of("CHAPORT_TOKEN", "t0ken"),
            new Properties());

    @Test
    void theShippedVendorsAreFoundOnTheClasspathInNameOrder() {
        VendorPlugins plugins = VendorPlugins.installed();
        assertEquals(List.of("chaport", "chatforma"), vendors(plugins));
        assertEquals(List.of("chaport", "chatforma"), List.copyOf(plugins.webhookReceivers(CHAPORT_ONLY).keySet()));
    }

    @Test
    void outboxesAreServedForEnabledSourcesAndNamedForAll() {
        VendorPlugins plugins = VendorPlugins.installed();
        assertEquals(List.of("chaport.messages"), plugins.outboxes(CHAPORT_ONLY).stream().map(OutboxKind::id).toList());
        assertEquals(List.of("chaport.messages", "chatforma.dispatch_broadcast"), plugins.outboxIds(CHAPORT_ONLY));
    }

    @Test
    void everyAccountOfAVendorHasAnOutboxAndAReceiverOfItsOwn() {
        ChatloadConfig twoAccounts = ChatloadConfig.load(Map.of("CHAPORT_TOKEN", "t0ken",
                "CHATLOAD_CHAPORT_EU_VENDOR", "chaport", "CHATLOAD_CHAPORT_EU_TOKEN", "eu-t0ken",
                "CHATLOAD_CHAPORT_US_VENDOR", "chaport", "CHATLOAD_CHAPORT_US_SCHEMA", "us_chats"), new Properties());
        VendorPlugins plugins = VendorPlugins.installed();

        List<OutboxKind> served = plugins.outboxes(twoAccounts);
        assertEquals(List.of("chaport.messages", "chaport_eu.messages"), served.stream().map(OutboxKind::id).toList(),
                "chaport_us has no token: no outbox served");
        assertEquals(List.of("chaport_data", "chaport_eu_data"), served.stream().map(OutboxKind::schema).toList());
        assertEquals(List.of("chaport", "chaport_eu", "chaport_us", "chatforma"),
                List.copyOf(plugins.webhookReceivers(twoAccounts).keySet()));
        assertEquals(List.of("chaport.messages", "chaport_eu.messages", "chaport_us.messages",
                "chatforma.dispatch_broadcast"), plugins.outboxIds(twoAccounts));
        assertEquals("us_chats", twoAccounts.sourceSettings("chaport_us").ownSchema(), "an account's own schema setting");
    }

    @Test
    void aHostAddsAVendorOrReplacesOneThroughTheCamelRegistry() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("acmePlugin", new Plugin("acme", true));
            camel.getRegistry().bind("quietChatforma", new Plugin("chatforma", false));

            VendorPlugins plugins = VendorPlugins.of(camel);

            assertEquals(List.of("acme", "chaport", "chatforma"), vendors(plugins));
            assertEquals(List.of("acme", "chaport"), List.copyOf(plugins.webhookReceivers(CHAPORT_ONLY).keySet()),
                    "the host's chatforma plug-in, without a receiver, replaced the shipped one");
            assertEquals(List.of("chaport.messages"), plugins.outboxIds(CHAPORT_ONLY), "nor any outbox");
        }
    }

    private static List<String> vendors(VendorPlugins plugins) {
        return plugins.all().stream().map(VendorPlugin::vendor).toList();
    }

    /** A vendor whose YAML does everything but, maybe, a webhook receiver that accepts every delivery. */
    private record Plugin(String vendor, boolean receives) implements VendorPlugin {
        @Override
        public WebhookReceiver webhookReceiver() {
            return !receives ? null : new WebhookReceiver() {
                @Override
                public Reply receive(Map<String, Object> body) {
                    return new Reply(202, "{}");
                }

                @Override
                public void subscribe(WebhookContext context) {
                }
            };
        }
    }
}
