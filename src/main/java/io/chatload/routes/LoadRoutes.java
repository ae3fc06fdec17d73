package io.chatload.routes;

import io.chatload.source.RateLimits;
import io.chatload.source.RetryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The mechanics every resource shares. {@code chatload-run} opens a resource run, then sends the exchange through
 * {@code chatload-page} once per page for as long as the run's paginator names a next page (a Dynamic Router
 * follows {@code links.more}, a loop numbered pages);
 * each page is fetched with the source's HTTP component, its records are split and handed to the batch writer.
 * A failure ends that resource's run with one clear line; rows written before it stay. Only a 404 on a URL that
 * {@code links.more} named is left out alone, with a warning: that record is gone, the others are not.
 */
public final class LoadRoutes extends RouteBuilder {

    public static final String RUN = "direct:chatload-run";
    static final String FOLLOW_LINKS = "direct:chatload-follow-links";
    static final String NUMBERED_PAGES = "direct:chatload-numbered-pages";
    static final String PAGE = "direct:chatload-page";
    static final String FETCH = "direct:chatload-fetch";

    private final ResourceRunner runner;
    private final RetryPolicy retry;
    private final RateLimits rateLimits;

    public LoadRoutes(ResourceRunner runner, RetryPolicy retry, RateLimits rateLimits) {
        this.runner = runner;
        this.retry = retry;
        this.rateLimits = rateLimits;
    }

    @Override
    public void configure() {
        from(RUN).routeId("chatload-run")
                .doTry()
                    .process(runner::begin)
                    .choice()
                        .when(method(runner, "followsLinks")).to(FOLLOW_LINKS)
                        .otherwise().to(NUMBERED_PAGES)
                    .end()
                    .process(runner::runQueryParents)
                    .process(runner::complete)
                .endDoTry()
                .doCatch(Exception.class)
                    .process(runner::fail)
                .end();

        // links.more: the API names the URLs to visit as it answers, a routing slip it writes hop by hop. A visitor's
        // chats are a few hops, and the router's copy of each hop's exchange goes when the run ends.
        from(FOLLOW_LINKS).routeId("chatload-follow-links")
                .dynamicRouter(method(runner, "nextPage"));

        // numbered pages: a loop, which keeps nothing per page. A list of visitors is a hop per page for a whole
        // crawl, and the router's copies (each with its page of records) grew the heap page by page.
        from(NUMBERED_PAGES).routeId("chatload-numbered-pages")
                .loopDoWhile(method(runner, "hasNextPage"))
                    .to(PAGE)
                .end();

        from(PAGE).routeId("chatload-page")
                // what is not retried, or still fails after the last try, goes back to chatload-run's doCatch,
                // which reports it once
                .errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false))
                .onException(Exception.class)
                    // decided anew at each failure: after a timeout, a 404 must not inherit the timeout's retries
                    .retryWhile(runner::worthAnotherTry)
                    .redeliveryDelay(retry.initialDelayMs())
                    .useExponentialBackOff().backOffMultiplier(2).useCollisionAvoidance()
                    .maximumRedeliveryDelay(retry.maxDelayMs())
                    // this clause's own policy: without these it logs every exhausted page with a stack trace
                    .logExhausted(false).logStackTrace(false).logRetryAttempted(false)
                    .onExceptionOccurred(this::honourRetryAfter)
                    .onRedelivery(runner::retrying)
                .end()
                .process(runner::startPage)
                // a copy of the exchange, in a unit of work of its own, fetches and reads the page: what camel-http
                // leaves to run at the end of the exchange (deleting the spooled body, closing the response) then
                // runs after each page, not after the last page of a root run on the exchange that lasts that long
                .enrich(FETCH)
                .split(body()).stopOnException()
                    .process(runner::sink)
                .end()
                .process(runner::pageFannedOut);

        // one try of the current page: a retry runs this whole route again
        from(FETCH).routeId("chatload-fetch")
                // the raw response stream goes to readPage, whose size limit stops it: Camel's stream cache (here and
                // in camel-http) would first copy the whole body into memory, an endless one until the JVM dies
                .streamCache("false")
                .errorHandler(noErrorHandler())
                .process(runner::prepareRequest)
                // one budget per API, whichever resource or fan-out worker asks
                .throttle(method(rateLimits, "permits(${exchangeProperty." + ResourceRunner.SOURCE + "})"))
                    .timePeriodMillis(1000)
                    .correlationExpression(exchangeProperty(ResourceRunner.SOURCE))
                .end()
                .process(exchange -> runner.passedRateLimit(exchange, rateLimits))
                .doTry()
                    .toD("${exchangeProperty." + ResourceRunner.HTTP_COMPONENT + "}://api?disableStreamCache=true")
                    .process(runner::readPage)
                // a 404 on a links.more URL: that chat is gone, the run goes on with the next URL (a 404 is never
                // retried, so catching it here takes no try away); every other failure goes on to chatload-page
                .doCatch(HttpOperationFailedException.class).onWhen(runner::skipsNotFound)
                    .process(runner::skipNotFound)
                .end();
    }

    /** A positive Retry-After replaces the backoff delay of the next try; a 429 slows the whole API down. */
    private void honourRetryAfter(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, exchange.getException(), Exception.class);
        if (ErrorMessages.httpStatus(failure) == 429) {
            rateLimits.throttled(exchange.getProperty(ResourceRunner.SOURCE, String.class));
        }
        long wait = retry.retryAfterMs(failure);
        if (wait >= 0) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait);
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
