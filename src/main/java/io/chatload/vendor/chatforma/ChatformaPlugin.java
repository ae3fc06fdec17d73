package io.chatload.vendor.chatforma;

import io.chatload.config.SourceConfig;
import io.chatload.outbox.OutboxKind;
import io.chatload.plugin.VendorPlugin;
import io.chatload.webhook.WebhookReceiver;
import java.util.List;

/** Chatforma beyond its YAML: segment broadcasts from an outbox, and form completions stored as they are delivered. */
public final class ChatformaPlugin implements VendorPlugin {

    @Override
    public String vendor() {
        return "chatforma";
    }

    @Override
    public List<OutboxKind> outboxes(SourceConfig source) {
        return List.of(new ChatformaDispatches(source));
    }

    @Override
    public WebhookReceiver webhookReceiver() {
        return new ChatformaReceiver();
    }
}
