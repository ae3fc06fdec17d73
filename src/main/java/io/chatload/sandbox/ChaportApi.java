package io.chatload.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Chaport REST API v1 (see shared/api/chaport.md): bearer-token auth, the {"result": ...} envelope,
 * visitors paged by {@code ?page=N} with {@code links.next} while more pages exist, visitors' chats and events,
 * webhook subscriptions and sending messages.
 */
final class ChaportApi implements Api {
    static final String PREFIX = "/chaport/api/v1";

    private final SandboxData data;
    private final Links links;
    private final byte[] expectedAuthorization;
    private final int pageSize;
    private final Router router;

    ChaportApi(SandboxData data, Links links, String token, int pageSize, ChaportSwitches switches) {
        this.data = data;
        this.links = links;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.pageSize = pageSize;
        ChaportChatEndpoints chats = new ChaportChatEndpoints(data.chaportAccount(), links, switches.foreignLinkHost());
        ChaportHookEndpoints hooks = new ChaportHookEndpoints(data.hookStore());
        ChaportMessageEndpoint messages = new ChaportMessageEndpoint(data.chaportAccount());
        this.router = new Router()
                .get("/operators", this::operators)
                .get("/operators/{id}", this::operator)
                .get("/visitors", this::visitors)
                .get("/visitors/{id}", this::visitor)
                .get("/visitors/{id}/chats", chats::latest)
                .get("/visitors/{id}/chats/{chatId}", chats::chat)
                .get("/visitors/{id}/chats/{chatId}/events", chats::events)
                .get("/events/subscriptions", hooks::list)
                .post("/events/subscriptions", hooks::create)
                .get("/events/subscriptions/{id}", hooks::get)
                .put("/events/subscriptions/{id}", hooks::update)
                .delete("/events/subscriptions/{id}", hooks::delete)
                .post("/messages", messages::send);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Router router() {
        return router;
    }

    /** Compares in constant time, as a credential check should, even a simulated one. */
    @Override
    public Optional<Response> deny(ApiRequest request) {
        String authorization = request.headers().getFirst("Authorization");
        if (authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            return Optional.empty();
        }
        return Optional.of(error(401, "Unauthorized: invalid or missing access token")
                .withHeader("WWW-Authenticate", "Bearer"));
    }

    /** Our guess at Chaport's error shape (the docs show none): {"error":{"code":404,"message":"..."}}. */
    @Override
    public Response error(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", message);
        return Response.of(status, Map.of("error", error));
    }

    /** The success envelope; a mutable map so that {@code links} can follow {@code result}. */
    static Map<String, Object> result(Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        return body;
    }

    private Response operators(ApiRequest request) {
        return Response.ok(result(data.chaportOperators()));
    }

    private Response operator(ApiRequest request) {
        Map<String, Object> operator = data.chaportOperator(request.pathParam("id"));
        return operator == null ? error(404, "Operator not found") : Response.ok(result(operator));
    }

    private Response visitor(ApiRequest request) {
        Map<String, Object> visitor = data.chaportVisitor(request.pathParam("id"));
        return visitor == null ? error(404, "Visitor not found") : Response.ok(result(visitor));
    }

    private Response visitors(ApiRequest request) {
        String pageParam = request.query().getOrDefault("page", "1");
        long page;
        try {
            page = Long.parseLong(pageParam);
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1) {
            return error(400, "Invalid page '" + pageParam + "': must be an integer from 1");
        }
        List<Map<String, Object>> all = data.chaportVisitors();
        // bounding the page first keeps (page - 1) * pageSize inside a long
        long from = page > Integer.MAX_VALUE ? Long.MAX_VALUE : (page - 1) * pageSize;
        if (from >= all.size()) {
            return Response.ok(result(List.of()));
        }
        int to = (int) Math.min(all.size(), from + pageSize);
        Map<String, Object> body = result(all.subList((int) from, to));
        if (to < all.size()) {
            body.put("links", Map.of("next", links.to(PREFIX + "/visitors?page=" + (page + 1))));
        }
        return Response.ok(body);
    }
}
