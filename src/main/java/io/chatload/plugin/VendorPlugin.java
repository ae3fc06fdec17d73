package io.chatload.plugin;

import io.chatload.config.SourceConfig;
import io.chatload.outbox.OutboxKind;
import io.chatload.webhook.WebhookReceiver;
import java.util.List;

/**
 * A vendor's behaviour beyond what its YAML folder ({@code routes/<vendor>/}) declares: its outboxes and its webhook
 * receiver. A vendor whose resources YAML expresses fully needs none. chatload finds plug-ins through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.chatload.plugin.VendorPlugin}) and, in a host's
 * CamelContext, as beans of this type in the Camel registry ({@link VendorPlugins}). The core packages only ever
 * iterate over the plug-ins found; none of them names a vendor.
 */
public interface VendorPlugin {

    /**
     * The vendor's name: its routes folder, the prefix of its settings ({@code chatload.<vendor>.*}) and of its
     * resources' ids ({@code <vendor>.visitors}).
     */
    String vendor();

    /** The outboxes of one enabled source of this vendor, each with its table and route ids; none by default. */
    default List<OutboxKind> outboxes(SourceConfig source) {
        return List.of();
    }

    /** A new webhook receiver for one source of this vendor; null (the default) when its API delivers none. */
    default WebhookReceiver webhookReceiver() {
        return null;
    }
}
