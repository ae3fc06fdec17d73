package io.chatload.source;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Chaport's visitor chats: the first response holds the latest chat and {@code links.more}, the URLs of older chats;
 * each is fetched in turn. URLs may be absolute or host-relative; only those on the API's own scheme, host and port,
 * without user-info, are followed (the credential is never sent elsewhere), each at most once, and those the run
 * already holds (closed chats loaded before) are skipped. A URL that answers 404 is left out alone: that chat is
 * gone, the others are not. At most {@code maxPages} pages are fetched, the first included; a longer list stops
 * there with a warning and {@link #stoppedAtMaxPages()}, so the parent is asked again next run.
 */
final class LinksMorePaginator implements Paginator {

    private final URI base;
    private final OriginGuard guard;
    private final int maxPages;
    private final Predicate<URI> wanted;
    private final Consumer<String> warnings;
    private final Deque<URI> queue = new ArrayDeque<>();
    private final Set<URI> seen = new HashSet<>();
    private URI firstPage;
    private boolean linksRead;
    private boolean stoppedAtMaxPages;

    LinksMorePaginator(URI base, int maxPages, Predicate<URI> wanted, Consumer<String> warnings) {
        this.base = base;
        this.guard = OriginGuard.of(base);
        this.maxPages = maxPages;
        this.wanted = wanted;
        this.warnings = warnings;
    }

    @Override
    public URI first(URI resourceUrl) {
        firstPage = resourceUrl;
        seen.add(resourceUrl);
        return resourceUrl;
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        if (!linksRead) {
            linksRead = true;
            follow(current, links(body));
        }
        return queue.poll();
    }

    /** Queues the links to follow, up to {@code maxPages - 1}: the links after that are not even looked at. */
    private void follow(URI first, List<?> links) {
        for (Object link : links) {
            URI uri = resolve(link);
            if (uri == null) {
                warnings.accept("skipped links.more entry '" + link + "': not a URL");
            } else if (uri.getRawUserInfo() != null) {
                // the URL's credential is not repeated in the warning: it is as secret as the token
                warnings.accept("skipped a links.more URL with user-info (" + Urls.pathAndQuery(uri) + "): only "
                        + guard.origin() + " without user-info is followed");
            } else if (!guard.allows(uri)) {
                warnings.accept("skipped a links.more URL on another host (" + uri.getHost() + "): only "
                        + guard.origin() + " is followed");
            } else if (seen.add(uri) && wanted.test(uri)) {
                if (queue.size() + 1 >= maxPages) {
                    stoppedAtMaxPages = true;
                    warnings.accept("GET " + Urls.pathAndQuery(first) + " named " + links.size() + " links.more URLs: "
                            + "stopped after " + maxPages + " pages, the rest are asked for next run; raise the "
                            + "resource's maxPages if the list is really that long");
                    return;
                }
                queue.add(uri);
            }
        }
    }

    /** A links.more URL, not the first page: a 404 on the first page means the parent itself is gone. */
    @Override
    public boolean skipsNotFound(URI page) {
        return !page.equals(firstPage);
    }

    @Override
    public URI afterNotFound(URI page) {
        return queue.poll();
    }

    @Override
    public boolean stoppedAtMaxPages() {
        return stoppedAtMaxPages;
    }

    private static List<?> links(Object body) {
        if (body instanceof Map<?, ?> map && map.get("links") instanceof Map<?, ?> links) {
            Object more = links.get("more");
            if (more instanceof List<?> list) {
                return list;
            }
            if (more instanceof String single && !single.isBlank()) {
                return List.of(single);
            }
        }
        return List.of();
    }

    /** Absolute URLs as they are; {@code /path} on the API's origin; anything else relative to the base URL. */
    private URI resolve(Object link) {
        if (!(link instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.isAbsolute()) {
                return uri.normalize();
            }
            if (text.startsWith("/")) {
                return new URI(base.getScheme(), base.getRawAuthority(), null, null, null).resolve(uri).normalize();
            }
            return Urls.resolve(base, text.trim()).normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
