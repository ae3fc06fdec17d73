package io.chatload.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Chatforma public API v1 (see shared/api/chatforma.md): the raw key in an {@code api_key} header or
 * query parameter, bare JSON arrays, 403 without a valid key. Endpoints are added as routes in {@link #router}.
 */
final class ChatformaApi implements Api {
    static final String PREFIX = "/chatforma/public/v1";

    private final SandboxData data;
    private final String apiKey;
    private final Router router = new Router()
            .get("/bots", this::bots);

    ChatformaApi(SandboxData data, String apiKey) {
        this.data = data;
        this.apiKey = apiKey;
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
        if (matches(request.headers().getFirst("api_key")) || matches(request.query().get("api_key"))) {
            return Optional.empty();
        }
        return Optional.of(Response.of(403, Map.of("message", "Forbidden")));
    }

    /** Observed only for 403 ({"message":"Forbidden"}); the same shape is our guess for every other error. */
    @Override
    public Response error(int status, String message) {
        return Response.of(status, Map.of("message", message));
    }

    private Response bots(ApiRequest request) {
        return Response.ok(data.chatformaBots());
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                candidate.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
