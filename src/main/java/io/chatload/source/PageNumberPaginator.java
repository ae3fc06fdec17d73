package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Chatforma's list paging: {@code page} from 1 with a fixed {@code per_page}. The API documents neither a total nor
 * a last page, so a run stops on an empty page, a page shorter than {@code per_page}, a page that repeats the
 * previous one (a server that ignores {@code page}), or after {@code maxPages} (with a warning).
 */
final class PageNumberPaginator implements Paginator {

    private final String pageParam;
    private final String sizeParam;
    private final int pageSize;
    private final int maxPages;
    private final Consumer<String> warnings;
    private final PageNumbers pages;
    private boolean stoppedAtMaxPages;

    PageNumberPaginator(String pageParam, String sizeParam, int pageSize, int maxPages, Consumer<String> warnings) {
        this.pageParam = pageParam;
        this.sizeParam = sizeParam;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.warnings = warnings;
        this.pages = new PageNumbers(pageParam, maxPages);
    }

    @Override
    public URI first(URI resourceUrl) {
        return Urls.withQueryParam(Urls.withQueryParam(resourceUrl, pageParam, "1"), sizeParam, Integer.toString(pageSize));
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        if (pages.repeatsPrevious(records)) {
            warnings.accept("the API answered " + Urls.pathAndQuery(current) + " with the previous page again (it ignores "
                    + pageParam + "): only the first page is loaded; lower pageSize or check the API");
            return null;
        }
        if (records.isEmpty() || records.size() < pageSize) {
            return null;
        }
        URI next = pages.after(current);
        if (next == null) {
            stoppedAtMaxPages = true;
            warnings.accept("stopped after " + maxPages + " pages of " + pageSize + ": raise the resource's maxPages if "
                    + "the list is really that long");
        }
        return next;
    }

    @Override
    public boolean stoppedAtMaxPages() {
        return stoppedAtMaxPages;
    }
}
