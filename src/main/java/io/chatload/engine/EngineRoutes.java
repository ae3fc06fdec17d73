package io.chatload.engine;

import io.chatload.source.RateLimits;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.ExpressionAdapter;

/**
 * The engine's Camel wiring; the parts it calls do the work. Every run comes in at {@code chatload-run}: a Quartz
 * firing of a resource's route (or a power user's exchange whose body is a resource id) starts a run in a load of its
 * own ({@link Runs#start}); a {@link RunRequest} (sent by {@link Runs#start}, through a child resource's route for a
 * child) goes on. {@code chatload-resource-run} opens the run, then sends it through
 * {@code chatload-page} once per page for as long as the paginator names a next page (a Dynamic Router follows
 * {@code links.more}, a loop numbered pages); each page is fetched with the source's HTTP component, its records are
 * split, each written to the batch and fanned out to the child resources. A failure ends that resource's run with one
 * clear line; rows written before it stay. Only a 404 on a URL that {@code links.more} named is left out alone, with
 * a warning: that record is gone, the others are not.
 */
final class EngineRoutes extends RouteBuilder {

    /** Where every run comes in: a resource's route (the {@code chatload-resource} template's) hands over here. */
    static final String RUN = "direct:chatload-run";
    static final String RESOURCE_RUN = "direct:chatload-resource-run";
    static final String FOLLOW_LINKS = "direct:chatload-follow-links";
    static final String NUMBERED_PAGES = "direct:chatload-numbered-pages";
    static final String PAGE = "direct:chatload-page";
    static final String FETCH = "direct:chatload-fetch";

    private final Runs runs;
    private final RunLifecycle lifecycle;
    private final PageRequests pages;
    private final PageFailures failures;
    private final RecordSink sink;
    private final FanOut fanOut;
    private final QueryParents queryParents;
    private final RateLimits rateLimits;
    private final RequestSlots slots;

    EngineRoutes(Runs runs, RunLifecycle lifecycle, PageRequests pages, PageFailures failures, RecordSink sink,
                 FanOut fanOut, QueryParents queryParents, RateLimits rateLimits, RequestSlots slots) {
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.failures = failures;
        this.sink = sink;
        this.fanOut = fanOut;
        this.queryParents = queryParents;
        this.rateLimits = rateLimits;
        this.slots = slots;
    }

    @Override
    public void configure() {
        from(RUN).routeId("chatload-run")
                .choice()
                    .when(body().isInstanceOf(RunRequest.class)).to(RESOURCE_RUN)
                    .otherwise().process(runs::fire)
                .end();

        from(RESOURCE_RUN).routeId("chatload-resource-run")
                .doTry()
                    .process(lifecycle::begin)
                    .choice()
                        .when(pages::followsLinks).to(FOLLOW_LINKS)
                        .otherwise().to(NUMBERED_PAGES)
                    .end()
                    .process(queryParents::runAll)
                    .process(lifecycle::complete)
                .endDoTry()
                .doCatch(Exception.class)
                    .process(lifecycle::fail)
                .end();

        // links.more: the API names the URLs to visit as it answers, a routing slip it writes hop by hop. A visitor's
        // chats are a few hops, and the router's copy of each hop's exchange goes when the run ends.
        from(FOLLOW_LINKS).routeId("chatload-follow-links")
                .dynamicRouter(expression(pages::nextPage));

        // numbered pages: a loop, which keeps nothing per page. A list of visitors is a hop per page for a whole
        // crawl, and the router's copies (each with its page of records) grew the heap page by page.
        from(NUMBERED_PAGES).routeId("chatload-numbered-pages")
                .loopDoWhile(pages::hasNextPage)
                    .to(PAGE)
                .end();

        from(PAGE).routeId("chatload-page")
                // what is not retried, or still fails after the last try, goes back to chatload-run's doCatch,
                // which reports it once
                .errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false))
                .onException(Exception.class)
                    // decided anew at each failure: after a timeout, a 404 must not inherit the timeout's retries
                    .retryWhile(failures::worthAnotherTry)
                    // this clause's own policy: without these it logs every exhausted page with a stack trace
                    .logExhausted(false).logStackTrace(false).logRetryAttempted(false)
                    // every wait is set there (Retry-After, or the backoff of the failure's kind), none is Camel's own
                    .onExceptionOccurred(failures::setRetryDelay)
                    .onRedelivery(failures::retrying)
                .end()
                .process(pages::startPage)
                // a copy of the exchange, in a unit of work of its own, fetches and reads the page: what camel-http
                // leaves to run at the end of the exchange (deleting the spooled body, closing the response) then
                // runs after each page, not after the last page of a root run on the exchange that lasts that long
                .enrich(FETCH)
                .split(body()).stopOnException()
                    .process(sink::write)
                    .filter(body().isNotNull()) // a record unchanged since the last run: nothing below it either
                        .process(fanOut::below)
                    .end()
                .end()
                .process(fanOut::pageFannedOut);

        // one try of the current page: a retry runs this whole route again
        from(FETCH).routeId("chatload-fetch")
                // the raw response stream goes to readPage, whose size limit stops it: Camel's stream cache (here and
                // in camel-http) would first copy the whole body into memory, an endless one until the JVM dies
                .streamCache("false")
                .errorHandler(noErrorHandler())
                .process(pages::prepareRequest)
                // one budget per API, whichever resource or fan-out worker asks
                .throttle(method(rateLimits, "permits(${exchangeProperty." + RunExchange.API + "})"))
                    .timePeriodMillis(1000)
                    .correlationExpression(exchangeProperty(RunExchange.API))
                .end()
                .process(pages::passedRateLimit)
                .process(slots::acquire)
                .doTry()
                    .toD("${exchangeProperty." + RunExchange.HTTP_COMPONENT + "}://api?disableStreamCache=true")
                    .process(pages::readPage)
                // a 404 on a links.more URL: that chat is gone, the run goes on with the next URL (a 404 is never
                // retried, so catching it here takes no try away); every other failure goes on to chatload-page
                .doCatch(HttpOperationFailedException.class).onWhen(failures::skipsNotFound)
                    .process(failures::skipNotFound)
                // before any retry's wait, in chatload-page: another worker's request goes meanwhile
                .doFinally()
                    .process(slots::release)
                .end();
    }

    private static Expression expression(Function<Exchange, Object> function) {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return function.apply(exchange);
            }
        };
    }
}
