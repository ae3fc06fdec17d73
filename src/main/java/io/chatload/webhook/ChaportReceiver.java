package io.chatload.webhook;

import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/chaport/{secret}}: a wrong secret is answered 404 and nothing else happens; a delivery that is
 * not a chat.started or chat.finished naming a chat is answered 400 with one log line; a good one is answered 202 at
 * once and its chat fetched right after ({@link ChatFetches}), or 503 when too many chats already wait.
 */
final class ChaportReceiver implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final WebhookSecret secret;
    private final Refusals refusals = Refusals.logged("chaport");
    private final ChatFetches fetches;

    ChaportReceiver(WebhookSecret secret, ChatFetches fetches) {
        this.secret = secret;
        this.fetches = fetches;
    }

    @Override
    public void process(Exchange exchange) {
        ChaportDelivery delivery = Replies.admit(exchange, secret, refusals, ChaportDelivery::parse);
        if (delivery == null) {
            return;
        }
        boolean queued;
        try {
            queued = fetches.submit(delivery);
        } catch (RejectedExecutionException e) {
            queued = false; // stopping: the pool takes no more
        }
        if (!queued) {
            LOG.warn("chaport webhook {}: visitor {} chat {}: answered 503, too many chats wait to be fetched "
                    + "(chatload.webhook.max-pending) or chatload is stopping", delivery.event(), delivery.visitorId(),
                    delivery.chatId());
            Replies.reply(exchange, 503, "{\"error\":\"busy, deliver again later\"}");
            return;
        }
        LOG.debug("chaport webhook {}: visitor {} chat {} queued", delivery.event(), delivery.visitorId(), delivery.chatId());
        Replies.reply(exchange, 202, "{\"status\":\"accepted\"}");
    }
}
