package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * dlt's {@code auto}: the first response decides, in dlt's detector's order: a {@code Link: rel="next"} header
 * ({@code header_link}), a URL (absolute or starting with /) at a {@code next} key ({@code json_link} there), a page
 * count at {@code total_pages}, {@code pages} or {@code totalPages} ({@code page_number} with that totalPath, the
 * first page taken as page 1), any other value at a {@code next} key ({@code cursor} there, sent as {@code cursor}),
 * else one page. A notice names the choice, so the resource file can then say it.
 */
final class AutoPaginator implements Paginator {

    private static final List<String> TOTAL_PAGES = List.of("total_pages", "pages", "totalpages");

    private final PagingContext context;
    private final Consumer<String> notices;
    private Paginator chosen;

    AutoPaginator(PagingContext context, Consumer<String> notices) {
        this.context = context;
        this.notices = notices;
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records) {
        return next(current, body, records, Map.of());
    }

    @Override
    public URI next(URI current, Object body, List<Map<String, Object>> records, Map<String, ?> headers) {
        if (chosen == null) {
            chosen = detect(body, headers);
        }
        return chosen.next(current, body, records, headers);
    }

    private Paginator detect(Object body, Map<String, ?> headers) {
        if (NextLinks.linkHeader(headers, "next") != null) {
            return choose("header_link", new HeaderLinkPaginator("next"));
        }
        String nextPath = NextLinks.nextPath(body, "", 0);
        String next = nextPath == null ? null : JsonPaths.text(body, nextPath);
        if (next != null && (next.startsWith("http") || next.startsWith("/"))) {
            return choose("json_link (nextUrlPath " + nextPath + ")", new JsonLinkPaginator(nextPath));
        }
        String total = totalPagesPath(body, "", 0);
        if (total != null) {
            return choose("page_number (totalPath " + total + ")", new PageNumberPaginator(context.pageParam(),
                    context.pageSizeParam(), context.pageSize(), 1, new RangeEnd(total, null, true), context.maxPages(),
                    context.warnings()));
        }
        if (nextPath != null) {
            return choose("cursor (cursorPath " + nextPath + ")", new CursorPaginator(nextPath, "cursor", null, false));
        }
        return choose("single_page", new SinglePagePaginator());
    }

    private Paginator choose(String what, Paginator paginator) {
        notices.accept("paginator auto chose " + what + " from the first response; name it in the resource file to skip the guess");
        return paginator;
    }

    private static String totalPagesPath(Object node, String path, int depth) {
        if (!(node instanceof Map<?, ?> map) || depth > 3) {
            return null;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String here = path.isEmpty() ? key : path + "." + key;
            if (TOTAL_PAGES.contains(key.toLowerCase(java.util.Locale.ROOT)) && e.getValue() instanceof Number) {
                return here;
            }
            String deeper = totalPagesPath(e.getValue(), here, depth + 1);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    @Override
    public boolean stoppedAtMaxPages() {
        return chosen != null && chosen.stoppedAtMaxPages();
    }
}
