package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** For endpoints that answer everything at once ({@code GET /operators}) or one object (by-id endpoints). */
final class SinglePagePaginator implements Paginator {

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        return null;
    }
}
