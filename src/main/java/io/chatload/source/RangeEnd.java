package io.chatload.source;

import java.util.List;
import java.util.Map;

/**
 * Where a numbered list ({@code offset}, {@code page_number}) ends, by dlt's rules: past the total at
 * {@code totalPath} (items for offset, pages for page numbers), where {@code hasMorePath} says false, on an empty page
 * with {@code stopAfterEmptyPage}; and, without a total or has-more, on a page shorter than its size, since an API
 * that answers fewer than it was asked for has no more.
 */
record RangeEnd(String totalPath, String hasMorePath, boolean stopAfterEmptyPage) {

    /**
     * @param pageSize the records a full page holds, 0 when unknown
     * @param next     the next page's number (or offset), to compare with the total
     */
    boolean reached(Object body, List<Map<String, Object>> records, int pageSize, long next) {
        if (stopAfterEmptyPage && records.isEmpty()) {
            return true;
        }
        if (hasMorePath != null) {
            return !JsonPaths.bool(body, hasMorePath, "hasMorePath");
        }
        if (totalPath != null) {
            return next >= JsonPaths.number(body, totalPath, "totalPath");
        }
        return records.isEmpty() || (pageSize > 0 && records.size() < pageSize);
    }
}
