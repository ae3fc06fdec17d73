package io.chatload.engine;

import io.chatload.source.RateLimits;
import io.chatload.source.RetryPolicy;
import io.chatload.source.SlowAnswerException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed page request leads to: another try (judged anew at each failure, waiting what {@code Retry-After}
 * asks or the backoff of the failure's kind), or, for a 404 on a URL that {@code links.more} named, that page left
 * out alone with a warning. Every other failure ends the run ({@link RunLifecycle#fail}).
 */
final class PageFailures {

    private static final Logger RETRIES = LoggerFactory.getLogger("io.chatload.retry");
    /** The wait before the next try, for its log line: Camel drops its own header before the try. */
    private static final String WAIT_MS = "chatloadRetryWaitMs";

    private final RetryPolicy retry;
    private final RateLimits rateLimits;
    private final ResourceMetrics metrics;

    PageFailures(RetryPolicy retry, RateLimits rateLimits, ResourceMetrics metrics) {
        this.retry = retry;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
    }

    /** Whether the page's last failure is worth another try, and tries are left. */
    boolean worthAnotherTry(Exchange exchange) {
        ResourceRun run = RunExchange.run(exchange);
        return run != null && run.triesOfPage() < retry.maxAttempts() && retry.retryable(RunExchange.failure(exchange));
    }

    /**
     * Sets the wait before the next try: what {@code Retry-After} asks, else the backoff of the failure's kind
     * ({@link RetryPolicy#delayMs}); a 429 also slows the whole API down. A slow answer cut short is counted and tried
     * again at once: the API said nothing about its load, and the cut already waited several times what its answers
     * take (the try still passes the API's request budget).
     */
    void setRetryDelay(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, exchange.getException(), Exception.class);
        ResourceRun run = RunExchange.run(exchange);
        boolean cut = ObjectHelper.getException(SlowAnswerException.class, failure) != null;
        if (cut && run != null) {
            metrics.slowAnswerCut(run.spec);
        }
        if (ErrorMessages.httpStatus(failure) == 429) {
            rateLimits.throttled(exchange.getProperty(RunExchange.API, String.class));
        }
        long wait = cut || run == null ? 0 : retry.delayMs(failure, run.triesOfPage());
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait);
        exchange.setProperty(WAIT_MS, wait);
    }

    /** Before a retry of a page: one line saying what failed, which try comes and how long it waits for it. */
    void retrying(Exchange exchange) {
        ResourceRun run = RunExchange.run(exchange);
        long waitMs = exchange.getProperty(WAIT_MS, 0L, Long.class);
        RETRIES.info("{}: retrying (try {} of {}) {}", ErrorMessages.whatHappened(run.spec, run.current(),
                RunExchange.failure(exchange)), run.triesOfPage() + 1, retry.maxAttempts(),
                waitMs > 0 ? "after " + waitMs + " ms" : "at once");
        run.retried();
        metrics.retry(run.spec);
    }

    /** Whether the page's 404 leaves that page out alone (a links.more URL whose chat is gone), the run going on. */
    boolean skipsNotFound(Exchange exchange) {
        ResourceRun run = RunExchange.run(exchange);
        return ErrorMessages.httpStatus(RunExchange.failure(exchange)) == 404 && run.paginator.skipsNotFound(run.current());
    }

    /** Leaves the current page out, with a warning naming it: no records from it, the paginator's next page after it. */
    void skipNotFound(Exchange exchange) {
        ResourceRun run = RunExchange.run(exchange);
        run.load.warn(ErrorMessages.skippedNotFound(run.spec, run.current()));
        run.pageRead(run.paginator.afterNotFound(run.current()));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(List.of());
    }
}
