package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * dlt's {@code json_link}: the next page's URL is in the body at {@code nextUrlPath} (default {@code next}), absolute
 * or relative to the page that named it; the list ends where it is missing, null or empty. Which URLs are followed
 * (same origin, no user-info, no page twice, at most maxPages) is {@link GuardedPaginator}'s job.
 */
final class JsonLinkPaginator implements Paginator {

    private final String nextUrlPath;

    JsonLinkPaginator(String nextUrlPath) {
        this.nextUrlPath = nextUrlPath;
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        return NextLinks.resolve(current, JsonPaths.text(body, nextUrlPath));
    }
}
