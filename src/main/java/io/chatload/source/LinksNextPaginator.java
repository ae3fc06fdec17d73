package io.chatload.source;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Chaport's list paging: {@code ?page=N} from 1, while the response carries {@code links.next}. The form of
 * {@code links.next} is not documented (absolute URL, path or number), so only its presence is used and the next
 * page is requested as {@code page + 1} on the resource's own URL. An empty page also ends the run, and so do a page
 * that repeats the previous one (a server that ignores {@code page} would otherwise be asked forever) and
 * {@code maxPages}, each with a warning.
 */
final class LinksNextPaginator implements Paginator {

    private final String pageParam;
    private final int maxPages;
    private final Consumer<String> warnings;
    private final PageNumbers pages;
    private boolean stoppedAtMaxPages;

    LinksNextPaginator(String pageParam, int maxPages, Consumer<String> warnings) {
        this.pageParam = pageParam;
        this.maxPages = maxPages;
        this.warnings = warnings;
        this.pages = new PageNumbers(pageParam, maxPages);
    }

    @Override
    public URI first(URI resourceUrl) {
        return Urls.withQueryParam(resourceUrl, pageParam, "1");
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        if (pages.repeatsPrevious(records)) {
            warnings.accept("the API answered " + Urls.pathAndQuery(current) + " with the previous page again (it ignores "
                    + pageParam + "): the list ends there; check the API");
            return null;
        }
        if (records.isEmpty() || !hasNextLink(body)) {
            return null;
        }
        URI next = pages.after(current);
        if (next == null) {
            stoppedAtMaxPages = true;
            warnings.accept("stopped after " + maxPages + " pages: raise the resource's maxPages if the list is really "
                    + "that long");
        }
        return next;
    }

    private static boolean hasNextLink(Object body) {
        if (body instanceof Map<?, ?> map && map.get("links") instanceof Map<?, ?> links) {
            Object next = links.get("next");
            return next != null && !(next instanceof String s && s.isBlank()) && !Boolean.FALSE.equals(next);
        }
        return false;
    }

    @Override
    public boolean stoppedAtMaxPages() {
        return stoppedAtMaxPages;
    }
}
