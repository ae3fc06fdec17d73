package io.chatload.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sandbox's own endpoints, for tests and benchmarks in other processes: request statistics, injected faults and
 * the ground truth. Mounted at the root without credentials and never faulted, it also answers every path no
 * simulated API owns with a 404.
 */
final class ControlApi implements Api {
    private final Router router;

    ControlApi(SandboxData data, Supplier<Map<String, Long>> stats, Supplier<Map<String, Long>> faults) {
        // faults have their own endpoint: the stats stay a flat map of counts per path pattern
        this.router = new Router()
                .get("/_sandbox/stats", request -> Response.ok(stats.get()))
                .get("/_sandbox/faults", request -> Response.ok(faults.get()))
                .get("/_sandbox/truth", request -> Response.ok(data.truth()));
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
