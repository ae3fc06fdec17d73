package io.chatload.webhook;

import io.chatload.config.ChatloadConfig;
import io.chatload.engine.Runs;
import io.chatload.load.Destination;
import io.chatload.load.naming.Naming;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.SourceDefaults;
import org.apache.camel.CamelContext;

/**
 * What a receiver may use: its own settings, the shared ones, and the pipeline it writes through.
 *
 * @param receiver  the source's receiver settings (secret, public URL)
 * @param settings  the settings every receiver shares (concurrency, pending deliveries)
 * @param masking   the webhook secrets to hide in anything written
 */
public record WebhookContext(WebhookSettings.Receiver receiver, WebhookSettings settings, ChatloadConfig config,
                             ResourceCatalog catalog, Destination destination, Runs runs, SecretMasking masking,
                             CamelContext camel) {

    /** The source whose deliveries this receiver takes. */
    public String source() {
        return receiver.source();
    }

    /** Requests to the source's API with its credential, e.g. to manage subscriptions. */
    public ApiCalls api() {
        return new ApiCalls(camel, config.source(source()));
    }

    /** The source's schema as its _source.yaml names it, {@code <source>_data} when it names none. */
    public String schema() {
        SourceDefaults defaults = defaults();
        return defaults == null || defaults.getSchema() == null || defaults.getSchema().isBlank()
                ? source() + "_data" : defaults.getSchema();
    }

    /** The source's naming convention as its _source.yaml names it, dlt's snake_case when it names none. */
    public Naming naming() {
        SourceDefaults defaults = defaults();
        return Naming.of(defaults == null ? new SourceDefaults().getNaming() : defaults.getNaming());
    }

    private SourceDefaults defaults() {
        return camel.getRegistry().lookupByNameAndType(source(), SourceDefaults.class);
    }
}
