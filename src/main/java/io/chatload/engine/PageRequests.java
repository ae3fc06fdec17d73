package io.chatload.engine;

import io.chatload.config.SourceConfig;
import io.chatload.routes.Incremental;
import io.chatload.routes.PathTemplate;
import io.chatload.routes.Records;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import io.chatload.source.Paginator;
import io.chatload.source.Paginators;
import io.chatload.source.PagingContext;
import io.chatload.source.RateLimits;
import io.chatload.source.ResponseParser;
import io.chatload.source.urls.Urls;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.Exchange;

/**
 * Request and paging: a run's first URL and paginator, each page's request (set up from the run alone, so a retry
 * starts from the same state), reading the answer into records and the next page, and the page loops' tests.
 */
final class PageRequests {

    private static final int MAX_PAGES = 100_000;

    private final ResourceCatalog catalog;
    private final ResponseParser parser;
    private final RateLimits rateLimits;
    private final ResourceMetrics metrics;

    PageRequests(ResourceCatalog catalog, ResponseParser parser, RateLimits rateLimits, ResourceMetrics metrics) {
        this.catalog = catalog;
        this.parser = parser;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
    }

    /** The run's paginator; its warnings (a next page it does not follow, ...) go to the load, naming the resource. */
    Paginator paginator(ResourceSpec spec, String scope, Map<String, String> cursors, Load load) {
        SourceConfig source = catalog.sourceConfig(spec.source());
        var paging = spec.paging();
        return Paginators.create(paging.paginator(), new PagingContext(source.baseUrl(), paging.pageParam(),
                paging.pageSizeParam(), paging.pageSize(), paging.maxPages(), notDone(spec, scope, cursors, load),
                warning -> load.warn(spec.id() + ": " + warning)));
    }

    /** The URL of the run's path ({@code path}, else the resource's), filled from its parent record. */
    URI url(ResourceSpec spec, String path, Map<String, Object> parent) {
        String rendered = PathTemplate.render(path != null ? path : spec.path(), parent);
        return Urls.resolve(catalog.sourceConfig(spec.source()).baseUrl(), rendered);
    }

    /** Follow-up URLs (links.more) of records marked done before are not fetched again: the URL ends with the id. */
    private static Predicate<URI> notDone(ResourceSpec spec, String scope, Map<String, String> cursors, Load load) {
        if (load.fullRefresh() || spec.incremental() == null || spec.incremental().doneField() == null) {
            return url -> true;
        }
        return url -> {
            String path = url.getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            return !Incremental.DONE.equals(cursors.get(scope.isEmpty() ? id : scope + "/" + id));
        };
    }

    /** Whether the run follows the URLs its pages name ({@code links_more}): the Dynamic Router's work. */
    boolean followsLinks(Exchange exchange) {
        return "links_more".equals(RunExchange.run(exchange).spec.paging().paginator().type());
    }

    /** The Dynamic Router's choice after each hop: the next page, or stop. */
    String nextPage(Exchange exchange) {
        return hasNextPage(exchange) ? EngineRoutes.PAGE : null;
    }

    /** The page loop's test before each page: whether the paginator named one. */
    boolean hasNextPage(Exchange exchange) {
        ResourceRun run = RunExchange.run(exchange);
        if (run.next() == null) {
            return false;
        }
        if (run.requests() >= MAX_PAGES) {
            throw new IllegalStateException("stopped after " + MAX_PAGES + " pages: the API keeps naming a next page");
        }
        return true;
    }

    void startPage(Exchange exchange) {
        RunExchange.run(exchange).startPage();
    }

    /** Sets the request up from the run alone, so that a retry of the fetch starts from the same state. */
    void prepareRequest(Exchange exchange) {
        ResourceRun run = RunExchange.run(exchange);
        URI uri = run.attempt();
        metrics.request(run.spec);
        exchange.setProperty(RunExchange.QUEUED_AT, System.nanoTime());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, uri.toString());
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
    }

    /** After the API's request budget let the request through: a wait of over a millisecond is counted. */
    void passedRateLimit(Exchange exchange) {
        String api = exchange.getProperty(RunExchange.API, String.class);
        long waitedNanos = System.nanoTime() - exchange.getProperty(RunExchange.QUEUED_AT, System.nanoTime(), Long.class);
        if (rateLimits.limited(api) && waitedNanos > 1_000_000) {
            metrics.rateLimitWait(api, Duration.ofNanos(waitedNanos));
        }
    }

    /** The answer into the page's records (the body) and the next page (the run's). */
    void readPage(Exchange exchange) throws Exception {
        ResourceRun run = RunExchange.run(exchange);
        InputStream stream = exchange.getMessage().getMandatoryBody(InputStream.class);
        String contentType = exchange.getMessage().getHeader("Content-Type", String.class);
        Map<String, Object> headers = new HashMap<>(exchange.getMessage().getHeaders()); // Link may name the next page
        // read once, here: a body left on a failed exchange would be read again by the stream cache of the route above
        exchange.getMessage().setBody(null);
        exchange.getMessage().removeHeaders("*");
        Object body = parser.parse(stream, contentType);
        List<Map<String, Object>> records = run.spec.dataSelector().select(body, Paginators.pagesAList(run.spec.paging().paginator()));
        URI next = run.paginator.next(run.current(), body, records, headers);
        run.pageRead(reachedWatermark(run, records) ? null : next);
        exchange.getMessage().setBody(records);
    }

    /** A list sorted newest first needs no further page once it reaches records the last run saw. */
    private static boolean reachedWatermark(ResourceRun run, List<Map<String, Object>> records) {
        Incremental inc = run.spec.incremental();
        String watermark = run.cursors.get(run.scope);
        if (inc == null || !inc.sortedByCursor() || watermark == null || run.load.fullRefresh()) {
            return false;
        }
        return records.stream().map(r -> Records.field(r, inc.cursorField()))
                .anyMatch(c -> c != null && Records.compareCursors(c.toString(), watermark) <= 0);
    }
}
