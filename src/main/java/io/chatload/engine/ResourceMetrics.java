package io.chatload.engine;

import io.chatload.routes.ResourceSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;

/**
 * chatload's meters, in the registry Camel's Prometheus endpoint serves ({@code /observe/metrics} under {@code run}):
 * per resource requests, records, retries, slow answers cut short, errors and the time of the last success; per API
 * the waits the rate limit imposed. Without a Camel metrics registry they are kept in a private one, so the counting
 * code never branches.
 */
final class ResourceMetrics {

    private volatile CamelContext context;
    private volatile MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    /** Called once the engine's routes are in {@code context}, before any run: its registry is looked up at first use. */
    void attach(CamelContext camelContext) {
        this.context = camelContext;
    }

    private MeterRegistry registry() {
        if (registry == null) {
            MeterRegistry camel = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
            registry = camel != null ? camel : new SimpleMeterRegistry();
        }
        return registry;
    }

    void request(ResourceSpec spec) {
        registry().counter("chatload_requests", "resource", spec.id(), "api", spec.source()).increment();
    }

    void retry(ResourceSpec spec) {
        registry().counter("chatload_retries", "resource", spec.id(), "api", spec.source()).increment();
    }

    /** A GET was cut short by the API's adaptive timeout (and is tried again if tries are left). */
    void slowAnswerCut(ResourceSpec spec) {
        registry().counter("chatload_slow_answers_cut", "resource", spec.id(), "api", spec.source()).increment();
    }

    void record(ResourceSpec spec) {
        registry().counter("chatload_records", "resource", spec.id()).increment();
    }

    void outcome(ResourceOutcome outcome) {
        if (outcome.failed()) {
            registry().counter("chatload_errors", "resource", outcome.resource()).increment();
            return;
        }
        AtomicLong seconds = lastSuccess.computeIfAbsent(outcome.resource(), resource -> {
            AtomicLong value = new AtomicLong();
            registry().gauge("chatload_last_success_seconds", io.micrometer.core.instrument.Tags.of("resource", resource),
                    value, AtomicLong::get);
            return value;
        });
        seconds.set(System.currentTimeMillis() / 1000);
    }

    /** A request waited for the API's request budget. */
    void rateLimitWait(String api, Duration waited) {
        registry().timer("chatload_rate_limit_waits", "api", api).record(waited);
    }
}
