package io.chatload.vendor.chaport;

import io.chatload.config.ConfigException;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import io.chatload.webhook.BadDeliveryException;
import io.chatload.webhook.Reply;
import io.chatload.webhook.WebhookContext;
import io.chatload.webhook.WebhookReceiver;
import io.chatload.webhook.WebhookSettings;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chaport's chat.started and chat.finished: a delivery that names no chat is answered 400; a good one 202 at once and
 * its chat fetched right after ({@link ChatFetches}), or 503 when too many chats already wait. The chats resource it
 * runs is {@code chatload.<source>.webhook.chats-resource}, a child resource of the visitors.
 */
final class ChaportReceiver implements WebhookReceiver {

    /** The registry name of the receiver's {@link ChatFetches}, for tests that wait for them. */
    static final String FETCHES_BEAN = "chatloadChaportWebhookFetches";

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private String source;
    private String chatsResource;
    private ChatFetches fetches;
    private ChaportSubscriptions subscriptions;

    @Override
    public String credentialNeededBecause() {
        return "the receiver fetches each delivered chat with it";
    }

    @Override
    public void open(WebhookContext context) {
        WebhookSettings settings = context.settings();
        source = context.source();
        chatsResource = chatsResource(context);
        fetches = new ChatFetches(source, context.catalog(), context.destination(), context.runs(), chatsResource,
                settings.concurrency(), settings.maxPending());
        fetches.start(context.camel());
        context.camel().getRegistry().bind(FETCHES_BEAN, fetches);
        subscriptions = new ChaportSubscriptions(context.receiver());
    }

    /** {@code chatload.<source>.webhook.chats-resource}, by default the source's {@code visitor_chats}. */
    static String chatsResource(WebhookContext context) {
        return context.config().get("chatload." + context.source() + ".webhook.chats-resource",
                context.source() + ".visitor_chats");
    }

    @Override
    public void started(WebhookContext context) {
        validate(context.catalog(), context.source(), chatsResource);
        fetches.warmUp(context.api());
    }

    @Override
    public Reply receive(Map<String, Object> body) throws BadDeliveryException {
        ChaportDelivery delivery = ChaportDelivery.parse(body);
        boolean queued;
        try {
            queued = fetches.submit(delivery);
        } catch (RejectedExecutionException e) {
            queued = false; // stopping: the pool takes no more
        }
        if (!queued) {
            LOG.warn("{} webhook {}: visitor {} chat {}: answered 503, too many chats wait to be fetched "
                    + "(chatload.webhook.max-pending) or chatload is stopping", source, delivery.event(),
                    delivery.visitorId(), delivery.chatId());
            return new Reply(503, "{\"error\":\"busy, deliver again later\"}");
        }
        LOG.debug("{} webhook {}: visitor {} chat {} queued", source, delivery.event(), delivery.visitorId(),
                delivery.chatId());
        return new Reply(202, "{\"status\":\"accepted\"}");
    }

    @Override
    public void subscribe(WebhookContext context) throws Exception {
        subscriptions.ensure(context.api());
    }

    /** Checks what needs the routes folder loaded: the chats resource the receiver runs is a child resource. */
    static void validate(ResourceCatalog catalog, String source, String chatsResource) {
        String key = "chatload." + source + ".webhook.chats-resource";
        ResourceSpec spec;
        try {
            spec = catalog.get(chatsResource);
        } catch (IllegalStateException e) {
            throw new ConfigException(key + " names " + chatsResource + ", which the routes folder does not declare");
        }
        if (!spec.isChild()) {
            throw new ConfigException(key + ": " + chatsResource + " is not a child "
                    + "resource of the visitors (its path should be /visitors/{parent.id}/chats)");
        }
    }
}
