package io.chatload.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Chatforma public API v1 (see shared/api/chatforma.md): the raw key in an {@code api_key} header or
 * query parameter (and, when switched on, as a Bearer token), lists as bare arrays or in a {@code data} envelope,
 * {@code page}/{@code per_page} paging, 403 without a valid key and {@code {"message": ...}} errors.
 */
final class ChatformaApi implements Api {
    static final String PREFIX = "/chatforma/public/v1";

    private final String apiKey;
    private final boolean acceptBearer;
    private final Router router;

    ChatformaApi(SandboxData data, String apiKey, ChatformaSwitches switches) {
        this.apiKey = apiKey;
        this.acceptBearer = switches.bearer();
        ChatformaLists lists = new ChatformaLists(switches);
        ChatformaBotEndpoints bots = new ChatformaBotEndpoints(data.chatformaAccount(), lists);
        ChatformaDispatchEndpoint dispatches = new ChatformaDispatchEndpoint(data.chatformaAccount());
        ChatformaNotificationEndpoints notifications = new ChatformaNotificationEndpoints(data.chatformaAccount(),
                data.webhooks());
        // the paths only one low-trust source names (/bots/{botId}/dialogs, /bots/{botId}/forms) are aliases
        this.router = new Router()
                .get("/bots", request -> lists.whole(data.chatformaBots()))
                .get("/bots/{botId}/users", bots::users)
                .get("/bots/{botId}/dialogs/users", bots::dialogs)
                .get("/bots/{botId}/dialogs", bots::dialogs)
                .get("/bots/{botId}/dialogs/{botUserId}/messages", bots::dialogMessages)
                .get("/forms", bots::formsByQuery)
                .get("/bots/{botId}/forms", bots::forms)
                .get("/bots/{botId}/segments", bots::segments)
                .get("/bots/{botId}/messages", bots::messages)
                .post("/bots/{botId}/segments/{segmentId}/dispatch", dispatches::dispatch)
                .post("/subscribe-notification", notifications::subscribe)
                .get("/notification", notifications::list)
                .delete("/unsubscribe-notification", notifications::unsubscribe);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Router router() {
        return router;
    }

    /** Working clients send the header; Pipedream's connection test uses the query parameter, so both pass. */
    @Override
    public Optional<Response> deny(ApiRequest request) {
        if (matches(request.headers().getFirst("api_key")) || matches(request.query().get("api_key"))
                || acceptBearer && matches(bearerToken(request.headers().getFirst("Authorization")))) {
            return Optional.empty();
        }
        return Optional.of(Response.of(403, Map.of("message", "Forbidden")));
    }

    /** Observed only for 403 ({"message":"Forbidden"}); the same shape is our guess for every other error. */
    @Override
    public Response error(int status, String message) {
        return Response.of(status, Map.of("message", message));
    }

    /** Every unknown bot, user, dialog or segment gets the same answer. */
    static ApiException notFound() {
        return ApiException.notFound("Not found");
    }

    private static String bearerToken(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : null;
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                candidate.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
