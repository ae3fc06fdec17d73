package io.chatload.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.Endpoint;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifierNamingStrategyDefault;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;

/**
 * Camel's exchange meters ({@code camel.exchange.event.notifier}, {@code camel.exchanges.last.timestamp}, the
 * in-flight gauges) as {@code camel.metrics.*} would install them, without its two faults under {@code run}:
 * <ul>
 * <li>it registers the last-exchange gauge on the first completed exchange, looking it up and registering it without
 * a lock: when several routes complete their first exchanges together (the triggers firing at start) the second
 * registration is refused with Micrometer's "already registered" warning. Here the first completion registers it
 * alone.</li>
 * <li>an exchange that never entered a route (a run sent to a child route that stopped under a shutdown) gets timers
 * without the {@code routeId} tag, which Prometheus refuses beside those with it ("all meters with the same name must
 * have the same set of tag keys"). Here it gets the tag, empty.</li>
 * </ul>
 */
final class ExchangeMeters extends MicrometerExchangeEventNotifier {

    private final Object firstCompletion = new Object();
    private volatile boolean gaugeRegistered;

    ExchangeMeters(MeterRegistry registry) {
        setMeterRegistry(registry);
        setNamingStrategy(new SameTagKeys());
    }

    @Override
    protected void handleDoneEvent(ExchangeEvent event) {
        if (gaugeRegistered) {
            super.handleDoneEvent(event);
            return;
        }
        synchronized (firstCompletion) {
            super.handleDoneEvent(event);
            gaugeRegistered = true;
        }
    }

    /** Camel's default names and tags, with a {@code routeId} on every meter. */
    private static final class SameTagKeys extends MicrometerExchangeEventNotifierNamingStrategyDefault {

        SameTagKeys() {
            super(true); // the base URI, as Camel's default: toD's URLs would make a timer per page otherwise
        }

        @Override
        public Tags getTags(ExchangeEvent event, Endpoint endpoint) {
            Tags tags = super.getTags(event, endpoint);
            boolean hasRoute = tags.stream().map(Tag::getKey).anyMatch(MicrometerConstants.ROUTE_ID_TAG::equals);
            return hasRoute ? tags : tags.and(MicrometerConstants.ROUTE_ID_TAG, "");
        }
    }
}
