package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Chaport's list paging: {@code ?page=N} from 1, while the response carries {@code links.next}. The form of
 * {@code links.next} is not documented (absolute URL, path or number), so only its presence is used and the next
 * page is requested as {@code page + 1} on the resource's own URL. An empty page also ends the run.
 */
final class LinksNextPaginator implements Paginator {

    private final String pageParam;

    LinksNextPaginator(String pageParam) {
        this.pageParam = pageParam;
    }

    @Override
    public URI first(URI resourceUrl) {
        return Urls.withQueryParam(resourceUrl, pageParam, "1");
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        if (records.isEmpty() || !hasNextLink(body)) {
            return null;
        }
        String page = Urls.queryParam(current, pageParam);
        int n = page == null ? 1 : Integer.parseInt(page);
        return Urls.withQueryParam(current, pageParam, Integer.toString(n + 1));
    }

    private static boolean hasNextLink(Object body) {
        if (body instanceof Map<?, ?> map && map.get("links") instanceof Map<?, ?> links) {
            Object next = links.get("next");
            return next != null && !(next instanceof String s && s.isBlank()) && !Boolean.FALSE.equals(next);
        }
        return false;
    }
}
