package io.chatload.vendor.chaport;

import io.chatload.webhook.ApiCalls;
import io.chatload.webhook.WebhookSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Chaport delivers chat.started and chat.finished to this receiver: lists the account's subscriptions
 * ({@code GET /events/subscriptions}) and creates ({@code POST}) only those missing, so repeated checks and restarts
 * create no duplicates, and a subscription someone deleted comes back at the next check. The target URL holds the
 * secret: it is sent to the API only, and logged masked.
 */
final class ChaportSubscriptions {

    static final List<String> EVENTS = List.of("chat.started", "chat.finished");

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final WebhookSettings.Receiver receiver;

    ChaportSubscriptions(WebhookSettings.Receiver receiver) {
        this.receiver = receiver;
    }

    /** @return the events subscribed now (empty when all existed) */
    List<String> ensure(ApiCalls api) throws Exception {
        String target = receiver.targetUrl();
        List<String> missing = new ArrayList<>(EVENTS);
        if (api.call("GET", "/events/subscriptions", null) instanceof Map<?, ?> body && body.get("result") instanceof List<?> hooks) {
            for (Object hook : hooks) {
                if (hook instanceof Map<?, ?> h && target.equals(h.get("targetUrl"))) {
                    missing.remove(h.get("event"));
                }
            }
        }
        for (String event : missing) {
            Map<String, Object> subscription = new LinkedHashMap<>();
            subscription.put("targetUrl", target);
            subscription.put("event", event);
            subscription.put("essential", true); // what the one working client we know of sends
            api.call("POST", "/events/subscriptions", subscription);
        }
        if (missing.isEmpty()) {
            LOG.debug("{} webhooks: {} already subscribed to {}", receiver.source(), EVENTS, receiver.maskedTargetUrl());
        } else {
            LOG.info("{} webhooks: subscribed {} to {}", receiver.source(), String.join(", ", missing), receiver.maskedTargetUrl());
        }
        return missing;
    }
}
