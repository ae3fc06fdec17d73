package io.chatload.engine;

import org.apache.camel.Exchange;

/**
 * The exchange properties a run's exchange carries from route to route: private to the engine. What starts a run
 * sends a {@link RunRequest} as the body and gets a {@link RunOutcome} back; nothing outside reads these.
 */
final class RunExchange {

    /** The {@link RunRequest} the run was started with. */
    static final String REQUEST = "chatloadRequest";
    /** The {@link ResourceRun} in progress. */
    static final String RUN = "chatloadRun";
    /** The source whose request budget a request waits for (the throttle's key). */
    static final String API = "chatloadApi";
    /** The camel-http component that carries the source's credential. */
    static final String HTTP_COMPONENT = "chatloadHttp";
    /** When the current request joined the throttle's queue (nanoTime), to count the wait. */
    static final String QUEUED_AT = "chatloadQueuedAt";

    private RunExchange() {
    }

    static ResourceRun run(Exchange exchange) {
        return exchange.getProperty(RUN, ResourceRun.class);
    }

    /** The failure a route is handling: the exception, or the one an error handler caught. */
    static Exception failure(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}
