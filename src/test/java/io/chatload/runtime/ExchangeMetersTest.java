package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestPipeline;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.ExchangeCompletedEvent;
import org.apache.camel.impl.event.ExchangeCreatedEvent;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s exchange meters register without Micrometer's warnings: the last-exchange gauge once although the
 * first exchanges complete together, and every timer with the same tag keys, an exchange from no route included.
 */
class ExchangeMetersTest {

    @TempDir
    Path dir;

    @Test
    void theFirstExchangesCompletingTogetherRegisterTheLastExchangeGaugeOnce() throws Exception {
        // each registration of the gauge waits (up to a second) for a second one to be under way: two would be
        // Micrometer's "This Gauge has been already registered" warning
        AtomicInteger registrations = new AtomicInteger();
        CountDownLatch both = new CountDownLatch(2);
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals(MicrometerConstants.CAMEL_EXCHANGE_LAST_TIME_METER_NAME)) {
                    registrations.incrementAndGet();
                    both.countDown();
                    await(both);
                }
                return id;
            }
        });
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            MicrometerExchangeEventNotifier meters = started(new ExchangeMeters(registry), context);
            Thread first = new Thread(() -> complete(meters, exchangeFromRoute(context, "a")));
            Thread second = new Thread(() -> complete(meters, exchangeFromRoute(context, "b")));
            first.start();
            second.start();
            first.join();
            second.join();
        }
        assertEquals(1, registrations.get(), "registrations of " + MicrometerConstants.CAMEL_EXCHANGE_LAST_TIME_METER_NAME);
    }

    @Test
    void anExchangeFromNoRouteGetsTheSameTagKeysAsOneFromARoute() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> refused = new CopyOnWriteArrayList<>();
        registry.config().onMeterRegistrationFailed((id, reason) -> refused.add(id + ": " + reason));
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            MicrometerExchangeEventNotifier meters = started(new ExchangeMeters(registry), context);
            complete(meters, exchangeFromRoute(context, "a"));
            complete(meters, new DefaultExchange(context)); // a producer template's, failed before any route
        }
        assertEquals(List.of(), refused);
        assertEquals(2, registry.find("camel.exchange.event.notifier").timers().size(), registry.scrape());
    }

    @Test
    void runCountsExchangesWithChatloadsNotifierInsteadOfCamels() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(sandbox, dir, Path.of("routes"),
                     Map.of("chatload.management.port", "0", "chatload.routes.reload", "false")))) {
            List<MicrometerExchangeEventNotifier> notifiers = p.runtime.context().getManagementStrategy().getEventNotifiers()
                    .stream().filter(MicrometerExchangeEventNotifier.class::isInstance)
                    .map(MicrometerExchangeEventNotifier.class::cast).toList();
            assertEquals(List.of(ExchangeMeters.class), notifiers.stream().map(Object::getClass).toList());
            assertInstanceOf(PrometheusMeterRegistry.class, notifiers.get(0).getMeterRegistry(),
                    "the registry /observe/metrics serves");
        }
    }

    private static MicrometerExchangeEventNotifier started(MicrometerExchangeEventNotifier meters, CamelContext context) {
        meters.setCamelContext(context);
        meters.start();
        return meters;
    }

    private static Exchange exchangeFromRoute(CamelContext context, String routeId) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromEndpoint(context.getEndpoint("direct:" + routeId));
        exchange.getExchangeExtension().setFromRouteId(routeId);
        return exchange;
    }

    private static void complete(MicrometerExchangeEventNotifier meters, Exchange exchange) {
        meters.notify(new ExchangeCreatedEvent(exchange));
        meters.notify(new ExchangeCompletedEvent(exchange));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
