package io.chatload.vendor.chatforma;

import io.chatload.webhook.ApiCalls;
import io.chatload.webhook.WebhookSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Chatforma notifies this receiver of every form's completions: for each bot ({@code GET /bots}) and
 * form ({@code GET /forms?botId=}), reads the form's notifications ({@code GET /notification?botId=&formId=}) and
 * registers ({@code POST /subscribe-notification}) only where none targets this receiver, so checks and restarts
 * create no duplicates and a form added later is covered at the next check. Lists may come bare or under
 * {@code data}, and a notification's URL as {@code target_url} or {@code targetUrl} (the material is unsure).
 */
final class ChatformaSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final WebhookSettings.Receiver receiver;

    ChatformaSubscriptions(WebhookSettings.Receiver receiver) {
        this.receiver = receiver;
    }

    /** @return "botId/formId" of each form subscribed now */
    List<String> ensure(ApiCalls api) throws Exception {
        String target = receiver.targetUrl();
        List<String> subscribed = new ArrayList<>();
        for (Map<?, ?> bot : rows(api.call("GET", "/bots", null))) {
            Object botId = bot.get("id");
            for (Map<?, ?> form : rows(api.call("GET", "/forms?botId=" + botId, null))) {
                Object formId = form.get("id");
                boolean present = rows(api.call("GET", "/notification?botId=" + botId + "&formId=" + formId, null)).stream()
                        .anyMatch(n -> target.equals(n.get("target_url")) || target.equals(n.get("targetUrl")));
                if (!present) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("botId", botId);
                    body.put("formId", formId);
                    body.put("target_url", target);
                    api.call("POST", "/subscribe-notification", body);
                    subscribed.add(botId + "/" + formId);
                }
            }
        }
        if (!subscribed.isEmpty()) {
            LOG.info("{} webhooks: subscribed form(s) {} to {}", receiver.source(), String.join(", ", subscribed),
                    receiver.maskedTargetUrl());
        }
        return subscribed;
    }

    private static List<Map<?, ?>> rows(Object body) {
        Object list = body instanceof Map<?, ?> envelope ? envelope.get("data") : body;
        List<Map<?, ?>> rows = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.stream().filter(Map.class::isInstance).forEach(item -> rows.add((Map<?, ?>) item));
        }
        return rows;
    }
}
