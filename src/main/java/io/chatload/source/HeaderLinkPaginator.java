package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * dlt's {@code header_link}: the next page's URL is the response's {@code Link} header entry whose {@code rel} is
 * {@code linksNextKey} (default {@code next}), as GitHub's API pages; the list ends without one.
 */
final class HeaderLinkPaginator implements Paginator {

    private final String linksNextKey;

    HeaderLinkPaginator(String linksNextKey) {
        this.linksNextKey = linksNextKey;
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        return null; // without the response's headers there is no Link header to read
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records, Map<String, ?> headers) {
        return NextLinks.resolve(current, NextLinks.linkHeader(headers, linksNextKey));
    }
}
