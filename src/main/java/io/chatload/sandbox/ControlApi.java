package io.chatload.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sandbox's own endpoints, for tests and benchmarks in other processes: request statistics, injected faults,
 * the ground truth, and changes that deliver webhooks ({@code POST /_sandbox/chats?count=N&seed=S},
 * {@code POST /_sandbox/form-completions?count=N&seed=S}). Mounted at the root without credentials and never faulted, it also answers every path no
 * simulated API owns with a 404.
 */
final class ControlApi implements Api {
    private final Router router;

    ControlApi(SandboxData data, Supplier<Map<String, Long>> stats, Supplier<Map<String, Long>> faults) {
        // faults have their own endpoint: the stats stay a flat map of counts per path pattern
        this.router = new Router()
                .get("/_sandbox/stats", request -> Response.ok(stats.get()))
                .get("/_sandbox/faults", request -> Response.ok(faults.get()))
                .get("/_sandbox/truth", request -> Response.ok(data.truth()))
                // changes other processes can make happen; the webhooks they cause are delivered before the answer
                .post("/_sandbox/chats", request -> Response.ok(Map.of("visitors",
                        data.addChats(count(request), seed(request)))))
                .post("/_sandbox/form-completions", request -> Response.ok(Map.of("completions",
                        data.addFormCompletions(count(request), seed(request)))));
    }

    private static int count(ApiRequest request) {
        return number(request, "count", 1, 0, 10_000);
    }

    private static long seed(ApiRequest request) {
        return number(request, "seed", 1, 0, Integer.MAX_VALUE);
    }

    private static int number(ApiRequest request, String name, int fallback, int min, int max) {
        String text = request.query().get(name);
        try {
            int n = text == null ? fallback : Integer.parseInt(text);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
        }
    }

    @Override
    public String prefix() {
        return "";
    }

    @Override
    public Router router() {
        return router;
    }

    @Override
    public Optional<Response> deny(ApiRequest request) {
        return Optional.empty();
    }

    @Override
    public Response error(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", message);
        return Response.of(status, Map.of("error", error));
    }
}
