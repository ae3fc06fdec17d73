package io.chatload.sandbox;

/**
 * {@code POST /bots/{botId}/segments/{segmentId}/dispatch} with {@code {"content": "..."}}: a text broadcast to a
 * segment, segment 0 meaning all the bot's users. Answers the dispatch, scheduled to run at once; nothing is
 * delivered, but every dispatch is recorded for tests.
 */
final class ChatformaDispatchEndpoint {
    private final ChatformaAccount account;

    ChatformaDispatchEndpoint(ChatformaAccount account) {
        this.account = account;
    }

    Response dispatch(ApiRequest request) {
        int botId = ChatformaBotEndpoints.id(request.pathParam("botId"));
        if (!account.hasBot(botId)) {
            throw ChatformaApi.notFound();
        }
        String content = request.jsonBody().text("content");
        int segmentId = ChatformaBotEndpoints.id(request.pathParam("segmentId"));
        return Response.ok(account.dispatch(botId, segmentId, content).orElseThrow(ChatformaApi::notFound));
    }
}
