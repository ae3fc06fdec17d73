package io.chatload.source;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What every paginator gets, around the one a resource names: a next URL is followed only on the API's own scheme,
 * host and port and without user-info (the credential goes nowhere else), a page the run already had ends the run
 * with a warning (an API whose links go in a circle), and at most {@code maxPages} pages are read. And when the
 * paginator ends the list while the page names a next page it does not follow (a {@code next} in the body, a
 * {@code Link: rel="next"} header), a warning says so and the run counts as partial ({@link #stoppedAtMaxPages}), so
 * no cursor claims the records it did not load and the load is not reported complete without a word.
 */
final class GuardedPaginator implements Paginator {

    private final Paginator inner;
    private final String type;
    private final OriginGuard guard;
    private final int maxPages;
    private final Consumer<String> warnings;
    /** Warnings given so far, the inner paginator's included: one warning per stop is enough. */
    private final AtomicInteger warned;
    private final Set<URI> seen = new HashSet<>();
    private int pagesRead;
    private boolean partial;

    GuardedPaginator(Paginator inner, String type, URI baseUrl, int maxPages, Consumer<String> warnings, AtomicInteger warned) {
        this.inner = inner;
        this.type = type;
        this.guard = OriginGuard.of(baseUrl);
        this.maxPages = maxPages;
        this.warnings = warnings;
        this.warned = warned;
    }

    @Override
    public URI first(URI resourceUrl) {
        URI first = inner.first(resourceUrl);
        seen.add(first);
        return first;
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        return next(current, body, records, Map.of());
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records, Map<String, ?> headers) {
        pagesRead++;
        int before = warned.get();
        URI next = inner.next(current, body, records, headers);
        if (next == null) {
            String named = warned.get() == before ? NextLinks.named(body, headers) : null;
            if (named != null) {
                partial = true;
                warn("GET " + Urls.pathAndQuery(current) + " names a next page (" + named + ") that paginator " + type
                        + " does not follow, so the list may be incomplete and no cursor moves: set the resource's "
                        + "paginator to one that follows it, e.g. " + (named.equals(NextLinks.LINK_HEADER) ? "header_link"
                        : "json_link with nextUrlPath " + named));
            }
            return null;
        }
        if (next.getRawUserInfo() != null) {
            return stop("GET " + Urls.pathAndQuery(current) + " named a next page with user-info (" + Urls.pathAndQuery(next)
                    + "): only " + guard.origin() + " without user-info is followed; the list ends there");
        }
        // the first page is on the base URL's origin, so by induction every page is: numbered pages of a test's own host too
        if (!OriginGuard.of(current).allows(next)) {
            return stop("GET " + Urls.pathAndQuery(current) + " named a next page on another host (" + next.getHost()
                    + "): only " + guard.origin() + " is followed; the list ends there");
        }
        if (!seen.add(next)) {
            return stop("GET " + Urls.pathAndQuery(current) + " named " + Urls.pathAndQuery(next)
                    + " as the next page, which this run already read: the list ends there; check the API's paging");
        }
        if (pagesRead >= maxPages) {
            return stop("stopped after " + maxPages + " pages: raise the resource's maxPages if the list is really that long");
        }
        return next;
    }

    /** Ends the list early: the run covers only part of it, so no cursor claims the rest and the next run asks again. */
    private URI stop(String warning) {
        partial = true;
        warn(warning);
        return null;
    }

    private void warn(String warning) {
        warned.incrementAndGet();
        warnings.accept(warning);
    }

    @Override
    public boolean skipsNotFound(URI page) {
        return inner.skipsNotFound(page);
    }

    @Override
    public URI afterNotFound(URI page) {
        return inner.afterNotFound(page);
    }

    @Override
    public boolean stoppedAtMaxPages() {
        return partial || inner.stoppedAtMaxPages();
    }
}
