package io.chatload.vendor.chaport;

import io.chatload.config.SourceConfig;
import io.chatload.outbox.OutboxKind;
import io.chatload.plugin.VendorPlugin;
import io.chatload.webhook.WebhookReceiver;
import java.util.List;

/** Chaport beyond its YAML: operator messages from an outbox, and chats fetched as its webhooks announce them. */
public final class ChaportPlugin implements VendorPlugin {

    @Override
    public String vendor() {
        return "chaport";
    }

    @Override
    public List<OutboxKind> outboxes(SourceConfig source) {
        return List.of(new ChaportMessages(source));
    }

    @Override
    public WebhookReceiver webhookReceiver() {
        return new ChaportReceiver();
    }
}
