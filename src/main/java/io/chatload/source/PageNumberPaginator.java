package io.chatload.source;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * dlt's {@code page_number}, as Chatforma pages: {@code pageParam} from {@code basePage} (default 1) with a fixed
 * {@code pageSizeParam} of {@code pageSize}. The list ends at the page count from {@code totalPath} when given, where
 * {@code hasMorePath} says false, else on an empty page or one shorter than {@code pageSize} (Chatforma documents
 * neither a total nor a last page); a page that repeats the previous one (a server that ignores {@code page}) ends it
 * with a warning, and so does {@code maxPages}.
 */
final class PageNumberPaginator implements Paginator {

    private final String pageParam;
    private final String sizeParam;
    private final int pageSize;
    private final int basePage;
    private final int maxPages;
    private final RangeEnd end;
    private final Consumer<String> warnings;
    private final PageNumbers pages;
    private boolean stoppedAtMaxPages;

    PageNumberPaginator(String pageParam, String sizeParam, int pageSize, int basePage, RangeEnd end, int maxPages,
                        Consumer<String> warnings) {
        this.pageParam = pageParam;
        this.sizeParam = sizeParam;
        this.pageSize = pageSize;
        this.basePage = basePage;
        this.maxPages = maxPages;
        this.end = end;
        this.warnings = warnings;
        // PageNumbers counts from 1: its last page is maxPages pages after the base
        this.pages = new PageNumbers(pageParam, maxPages - 1 + basePage);
    }

    @Override
    public URI first(URI resourceUrl) {
        return Urls.withQueryParam(Urls.withQueryParam(resourceUrl, pageParam, Integer.toString(basePage)), sizeParam,
                Integer.toString(pageSize));
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        if (pages.repeatsPrevious(records)) {
            warnings.accept("the API answered " + Urls.pathAndQuery(current) + " with the previous page again (it ignores "
                    + pageParam + "): only the first page is loaded; lower pageSize or check the API");
            return null;
        }
        String page = Urls.queryParam(current, pageParam);
        long nextPage = (page == null ? basePage : Long.parseLong(page)) + 1;
        if (end.reached(body, records, pageSize, nextPage - basePage)) {
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
