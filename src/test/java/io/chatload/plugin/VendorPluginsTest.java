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
