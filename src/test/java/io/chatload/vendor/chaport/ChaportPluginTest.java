package io.chatload.vendor.chaport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.SourceConfig;
import io.chatload.outbox.OutboxKind;
import io.chatload.webhook.WebhookContext;
import io.chatload.webhook.WebhookSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What Chaport's plug-in adds to its YAML, named as before the vendors became plug-ins. */
class ChaportPluginTest {

    private static final ChatloadConfig DEFAULTS = ChatloadConfig.load(Map.of(), new Properties());

    @Test
    void itsOutboxIsTheMessagesTableOfItsSchema() {
        List<OutboxKind> outboxes = new ChaportPlugin().outboxes(DEFAULTS.sourceSettings("chaport"));
        assertEquals(List.of("chaport.messages chaport_data.outbox_messages direct:chaport-send-message"),
                outboxes.stream().map(o -> o.id() + " " + o.schema() + "." + o.table() + " " + o.sendEndpoint()).toList());
        assertEquals(List.of(ChaportMessages.ID, ChaportMessages.DRAIN),
                List.of(outboxes.get(0).id(), outboxes.get(0).drainEndpoint()));
    }

    /** A second Chaport account, as a source of its own: its outbox takes the source's name, so both can run. */
    @Test
    void anotherSourceOfChaportHasAnOutboxOfItsOwn() {
        SourceConfig support = new SourceConfig("support", URI.create("https://app.chaport.com/api/v1"),
                "chatload.support.token", "t0ken", 4);
        OutboxKind outbox = new ChaportPlugin().outboxes(support).get(0);
        assertEquals(List.of("support.messages", "support_data", "direct:support-send-message",
                "direct:support-outbox-drain"), List.of(outbox.id(), outbox.schema(), outbox.sendEndpoint(),
                outbox.drainEndpoint()));
    }

    @Test
    void theReceiverRunsTheVisitorChatsResourceUnlessTheSettingNamesAnother() {
        assertEquals("chaport.visitor_chats", ChaportReceiver.chatsResource(context(DEFAULTS)));
        Properties other = new Properties();
        other.setProperty("chatload.chaport.webhook.chats-resource", "chaport.chats");
        assertEquals("chaport.chats", ChaportReceiver.chatsResource(context(ChatloadConfig.load(Map.of(), other))));
    }

    private static WebhookContext context(ChatloadConfig config) {
        return new WebhookContext(new WebhookSettings.Receiver("chaport", false, null, null), null, config, null, null,
                null, null, null);
    }
}
