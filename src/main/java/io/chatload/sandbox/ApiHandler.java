package io.chatload.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Serves one {@link Api}: counts the request, draws its fault, waits the configured latency, checks credentials,
 * routes, and turns every outcome (including an {@link ApiException} or a failing endpoint) into a JSON answer, or
 * into the fault's answer instead.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Api api;
    private final Consumer<String> onRequest;
    private final long latencyMs;
    private final BiFunction<String, String, Optional<Fault>> faults;
    private final ScheduledExecutorService lateAnswers;

    /** A request read and routed, ready to be answered now or later. */
    private record Call(ApiRequest request, Router.Resolution resolution) {
    }

    /**
     * @param onRequest   receives "METHOD prefix+pattern" of each request
     * @param latencyMs   delay before answering; 0 for none
     * @param faults      draws the fault, if any, of a request from its method and raw path-and-query
     * @param lateAnswers sends slow answers when their time comes, so that waiting holds no server thread
     */
    ApiHandler(Api api, Consumer<String> onRequest, long latencyMs,
               BiFunction<String, String, Optional<Fault>> faults, ScheduledExecutorService lateAnswers) {
        this.api = api;
        this.onRequest = onRequest;
        this.latencyMs = latencyMs;
        this.faults = faults;
        this.lateAnswers = lateAnswers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean answerLater = false;
        try {
            Call call = receive(exchange);
            Optional<Fault> fault = faults.apply(call.request().method(), target(exchange));
            if (latencyMs > 0) {
                Thread.sleep(latencyMs);
            }
            if (fault.isEmpty()) {
                JsonResponses.send(exchange, respond(call));
            } else if (fault.get().kind() == FaultKind.SLOW) {
                lateAnswers.schedule(() -> answerLate(exchange, call), fault.get().slowMs(), TimeUnit.MILLISECONDS);
                answerLater = true;
            } else {
                FaultAnswers.send(exchange, fault.get(), api, () -> respond(call));
            }
        } catch (InterruptedException e) {
            // the server is closing while this request waits out its latency: drop it unanswered
            Thread.currentThread().interrupt();
        } finally {
            if (!answerLater) {
                exchange.close();
            }
        }
    }

    /** The real answer of a slow request; a write is applied now, after the delay, whether the client still waits. */
    private void answerLate(HttpExchange exchange, Call call) {
        try {
            JsonResponses.send(exchange, respond(call));
        } catch (IOException e) {
            LOG.debug("Slow answer to {} {} not delivered: {}", call.request().method(), call.resolution().pattern(),
                    e.toString());
        } finally {
            exchange.close();
        }
    }

    private Call receive(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath().substring(api.prefix().length());
        Router.Resolution resolution = api.router().resolve(method, path);
        onRequest.accept(method + " " + api.prefix() + resolution.pattern());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ApiRequest request = new ApiRequest(method, resolution.params(),
                ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
        return new Call(request, resolution);
    }

    private Response respond(Call call) {
        ApiRequest request = call.request();
        Router.Resolution resolution = call.resolution();
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
            LOG.error("Sandbox endpoint {} {} failed", request.method(), resolution.pattern(), e);
            return api.error(500, "Internal sandbox error");
        }
    }

    /** The raw path and query as the request line had them: what makes two requests "the same" for fault draws. */
    private static String target(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    }
}
