package io.chatload.source;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * dlt's {@code cursor} (its JSONResponseCursorPaginator): the body holds an opaque cursor at {@code cursorPath}
 * (default {@code cursors.next}), sent back as the query parameter {@code cursorParam} (default {@code cursor}) for
 * the next page. The list ends where the cursor is missing or empty, where {@code hasMorePath} says false, or, with
 * {@code stopAfterEmptyPage} (default false, as dlt), on an empty page.
 */
final class CursorPaginator implements Paginator {

    private final String cursorPath;
    private final String cursorParam;
    private final String hasMorePath;
    private final boolean stopAfterEmptyPage;

    CursorPaginator(String cursorPath, String cursorParam, String hasMorePath, boolean stopAfterEmptyPage) {
        this.cursorPath = cursorPath;
        this.cursorParam = cursorParam;
        this.hasMorePath = hasMorePath;
        this.stopAfterEmptyPage = stopAfterEmptyPage;
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        String cursor = JsonPaths.text(body, cursorPath);
        if (cursor == null || (stopAfterEmptyPage && records.isEmpty())
                || (hasMorePath != null && !JsonPaths.bool(body, hasMorePath, "hasMorePath"))) {
            return null;
        }
        return Urls.withQueryParam(current, cursorParam, cursor);
    }
}
