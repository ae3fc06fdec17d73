package io.chatload.source;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * dlt's {@code offset}: {@code offsetParam} (default {@code offset}, from {@code offset}, default 0) and
 * {@code limitParam} (default {@code limit}) with {@code limit} records per page. The list ends at the total from
 * {@code totalPath} when given, where {@code hasMorePath} says false, and otherwise on an empty page (with
 * {@code stopAfterEmptyPage}, the default) or a page shorter than {@code limit}; a page that repeats the one before
 * (an API that ignores the offset) ends it with a warning.
 */
final class OffsetPaginator implements Paginator {

    private final String offsetParam;
    private final String limitParam;
    private final int limit;
    private final int initialOffset;
    private final RangeEnd end;
    private final Consumer<String> warnings;
    private final PageNumbers repeats;

    OffsetPaginator(String offsetParam, String limitParam, int limit, int initialOffset, RangeEnd end,
                    Consumer<String> warnings) {
        this.offsetParam = offsetParam;
        this.limitParam = limitParam;
        this.limit = limit;
        this.initialOffset = initialOffset;
        this.end = end;
        this.warnings = warnings;
        this.repeats = new PageNumbers(offsetParam, Integer.MAX_VALUE);
    }

    @Override
    public URI first(URI resourceUrl) {
        return Urls.withQueryParam(Urls.withQueryParam(resourceUrl, offsetParam, Integer.toString(initialOffset)),
                limitParam, Integer.toString(limit));
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        if (repeats.repeatsPrevious(records)) {
            warnings.accept("the API answered " + Urls.pathAndQuery(current) + " with the previous page again (it ignores "
                    + offsetParam + "): the list ends there; check the API");
            return null;
        }
        String param = Urls.queryParam(current, offsetParam);
        long nextOffset = (param == null ? initialOffset : Long.parseLong(param)) + limit;
        if (end.reached(body, records, limit, nextOffset)) {
            return null;
        }
        return Urls.withQueryParam(current, offsetParam, Long.toString(nextOffset));
    }
}
