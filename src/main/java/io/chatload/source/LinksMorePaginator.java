package io.chatload.source;

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
 * each is fetched in turn. URLs may be absolute or host-relative; only those on the API's own scheme, host and port
 * are followed (the credential is never sent elsewhere), each at most once, and those the run already holds
 * (closed chats loaded before) are skipped.
 */
final class LinksMorePaginator implements Paginator {

    private final URI base;
    private final OriginGuard guard;
    private final Predicate<URI> wanted;
    private final Consumer<String> warnings;
    private final Deque<URI> queue = new ArrayDeque<>();
    private final Set<URI> seen = new HashSet<>();
    private boolean linksRead;

    LinksMorePaginator(URI base, Predicate<URI> wanted, Consumer<String> warnings) {
        this.base = base;
        this.guard = OriginGuard.of(base);
        this.wanted = wanted;
        this.warnings = warnings;
    }

    @Override
    public URI first(URI resourceUrl) {
        seen.add(resourceUrl);
        return resourceUrl;
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        if (!linksRead) {
            linksRead = true;
            for (Object link : links(body)) {
                URI uri = resolve(link);
                if (uri == null) {
                    warnings.accept("skipped links.more entry '" + link + "': not a URL");
                } else if (!guard.allows(uri)) {
                    warnings.accept("skipped a links.more URL on another host (" + uri.getHost() + "): only "
                            + guard.scheme() + "://" + guard.host() + ":" + guard.port() + " is followed");
                } else if (seen.add(uri) && wanted.test(uri)) {
                    queue.add(uri);
                }
            }
        }
        return queue.poll();
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
