package io.chatload.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Serves one {@link Api}: counts the request, waits the configured latency, checks credentials, routes, and turns
 * every outcome (including an {@link ApiException} or a failing endpoint) into a JSON answer.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Api api;
    private final Consumer<String> onRequest;
    private final long latencyMs;

    /**
     * @param onRequest receives "METHOD prefix+pattern" of each request
     * @param latencyMs delay before answering; 0 for none
     */
    ApiHandler(Api api, Consumer<String> onRequest, long latencyMs) {
        this.api = api;
        this.onRequest = onRequest;
        this.latencyMs = latencyMs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            JsonResponses.send(exchange, respond(exchange));
        } catch (InterruptedException e) {
            // the server is closing while this request waits out its latency: drop it unanswered
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath().substring(api.prefix().length());
        Router.Resolution resolution = api.router().resolve(method, path);
        onRequest.accept(method + " " + api.prefix() + resolution.pattern());
        if (latencyMs > 0) {
            Thread.sleep(latencyMs);
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ApiRequest request = new ApiRequest(method, resolution.params(),
                ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
        Optional<Response> denied = api.deny(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (resolution.handler() == null && resolution.unknownPath()) {
            return api.error(404, "Not found");
        }
        if (resolution.handler() == null) {
            return api.error(405, "Method not allowed")
                    .withHeader("Allow", String.join(", ", resolution.allowed()));
        }
        try {
            return resolution.handler().handle(request);
        } catch (ApiException e) {
            return api.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Sandbox endpoint {} {} failed", method, resolution.pattern(), e);
            return api.error(500, "Internal sandbox error");
        }
    }
}
