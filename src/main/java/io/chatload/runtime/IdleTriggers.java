package io.chatload.runtime;

import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The {@code quartz:} scheme of {@code run --once}, where no trigger fires (runs are started on demand): endpoints that
 * accept any of Quartz's options and never produce an exchange. Camel's Quartz component, even with its scheduler
 * left in standby, creates the scheduler with its ten threads, registers it in JMX (which loads the platform MBean
 * server) and, as Camel stops, waits up to half a second for its idle threads: a fifth of a one-shot re-run's time
 * beyond the JVM's start.
 */
final class IdleTriggers extends DefaultComponent {

    /** The name the resource and outbox routes' triggers use. */
    static final String SCHEME = "quartz";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        parameters.clear(); // a cron, an interval, stateful=true: nothing here fires
        return new Trigger(uri, this);
    }

    /** Camel would fill a component named quartz with Quartz's options (its scheduler factory...): none apply here. */
    @Override
    public boolean isAutowiredEnabled() {
        return false;
    }

    private static final class Trigger extends DefaultEndpoint {

        Trigger(String uri, IdleTriggers component) {
            super(uri, component);
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            return new DefaultConsumer(this, processor);
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException(getEndpointUri() + ": a trigger is a route's start, not a destination");
        }

        @Override
        public boolean isLenientProperties() {
            return true;
        }
    }
}
