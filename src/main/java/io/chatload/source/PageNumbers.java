package io.chatload.source;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the two page-number paginators share: the next page's URL ({@code page + 1}), the page cap, and spotting a
 * server that ignores the page parameter (it answers the previous page again, which would otherwise go on forever).
 */
final class PageNumbers {

    private final String pageParam;
    private final int maxPages;
    private List<Object> previousIds;

    PageNumbers(String pageParam, int maxPages) {
        this.pageParam = pageParam;
        this.maxPages = maxPages;
    }

    /** Whether this page holds the same records, by id, as the page before it. */
    boolean repeatsPrevious(List<Map<String, Object>> records) {
        List<Object> ids = records.stream().map(r -> r.get("id")).toList();
        boolean repeated = !ids.isEmpty() && ids.equals(previousIds);
        previousIds = ids;
        return repeated;
    }

    /** The URL of the page after {@code current}, or null when {@code current} is page {@code maxPages}. */
    URI after(URI current) {
        String page = Urls.queryParam(current, pageParam);
        int n = page == null ? 1 : Integer.parseInt(page);
        return n >= maxPages ? null : Urls.withQueryParam(current, pageParam, Integer.toString(n + 1));
    }
}
