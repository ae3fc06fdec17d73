package io.chatload.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Form notifications: {@code POST /subscribe-notification} ({@code botId}, {@code formId}, {@code target_url},
 * {@code event} optional) registers one, answered {@code {"id": ...}}, the same id again for an equal registration;
 * {@code GET /notification?botId=&formId=} lists a form's; {@code DELETE /unsubscribe-notification}
 * ({@code botId}, {@code subscriptionId}) removes one. Completions of the form are then delivered to loopback targets
 * ({@link WebhookDeliveries}).
 */
final class ChatformaNotificationEndpoints {
    private final ChatformaAccount account;
    private final WebhookDeliveries deliveries;

    ChatformaNotificationEndpoints(ChatformaAccount account, WebhookDeliveries deliveries) {
        this.account = account;
        this.deliveries = deliveries;
    }

    Response subscribe(ApiRequest request) {
        RequestBody body = request.jsonBody();
        int botId = knownBot(body.key("botId"));
        String formId = knownForm(botId, body.key("formId"));
        String target = body.text("target_url");
        String event = body.has("event") ? body.text("event") : null;
        return Response.ok(Map.of("id", deliveries.subscribe(botId, formId, target, event).get("id")));
    }

    Response list(ApiRequest request) {
        String botParam = request.query().get("botId");
        String formParam = request.query().get("formId");
        if (botParam == null || formParam == null) {
            throw ApiException.badRequest("botId and formId are required");
        }
        int botId = knownBot(botParam);
        String formId = knownForm(botId, formParam);
        List<Map<String, Object>> of = deliveries.notifications().stream()
                .filter(n -> n.get("botId").equals(botId) && n.get("formId").equals(formId)).toList();
        return Response.ok(of);
    }

    Response unsubscribe(ApiRequest request) {
        RequestBody body = request.jsonBody();
        knownBot(body.key("botId"));
        if (!deliveries.unsubscribe(ChatformaBotEndpoints.id(body.key("subscriptionId")))) {
            throw ChatformaApi.notFound();
        }
        return Response.ok(Map.of("success", true));
    }

    private int knownBot(String text) {
        int botId = ChatformaBotEndpoints.id(text);
        if (!account.hasBot(botId)) {
            throw ChatformaApi.notFound();
        }
        return botId;
    }

    private String knownForm(int botId, String formId) {
        if (account.catalog(botId).forms().stream().noneMatch(form -> formId.equals(form.get("id")))) {
            throw ChatformaApi.notFound();
        }
        return formId;
    }
}
