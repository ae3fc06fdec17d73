package io.chatload.sandbox;

/**
 * {@code POST /messages}: an operator writes to a visitor. The body is
 * {@code {"visitorId", "chatEvent": {"type": "operator-message", "params": {"text", "operatorId"}, "externalId"?}}};
 * the idempotency key {@code externalId} is also accepted at the top level (inside {@code chatEvent} wins). The
 * answer is the appended event under {@code result}, or, for a repeated key, the event appended the first time.
 */
final class ChaportMessageEndpoint {
    private final ChaportAccount account;

    ChaportMessageEndpoint(ChaportAccount account) {
        this.account = account;
    }

    Response send(ApiRequest request) {
        RequestBody body = request.jsonBody();
        String visitorId = body.text("visitorId");
        RequestBody chatEvent = body.object("chatEvent");
        if (!chatEvent.text("type").equals("operator-message")) {
            throw ApiException.badRequest("chatEvent.type must be \"operator-message\": only operators' messages "
                    + "can be sent");
        }
        RequestBody params = chatEvent.object("params");
        String text = params.text("text");
        String operatorId = params.text("operatorId");
        String externalId = chatEvent.has("externalId") ? chatEvent.key("externalId")
                : body.has("externalId") ? body.key("externalId") : null;
        return Response.ok(ChaportApi.result(account.send(visitorId, text, operatorId, externalId)
                .orElseThrow(() -> ApiException.notFound("Visitor not found"))));
    }
}
