package io.chatload.source;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paginators by the name a resource file gives: dlt's {@code rest_api} paginators ({@code json_link},
 * {@code header_link}, {@code offset}, {@code page_number}, {@code cursor}, {@code single_page}, {@code auto}) and
 * chatload's two for Chaport ({@code links_next}, {@code links_more}); {@code single} is {@code single_page}. A list
 * endpoint must name one: there is no silent single page. Each is wrapped in a {@link GuardedPaginator}.
 */
public final class Paginators {

    public static final List<String> NAMES = List.of("single_page", "single", "json_link", "header_link", "offset",
            "page_number", "cursor", "auto", "links_next", "links_more");

    private static final Logger LOG = LoggerFactory.getLogger(Paginators.class);

    private Paginators() {
    }

    /** Checks a name early, when the resource file is loaded. */
    public static String validate(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown paginator '" + name + "': use one of " + String.join(", ", NAMES));
        }
        return name;
    }

    /** Whether the paginator walks a list endpoint, whose answers must hold a list. */
    public static boolean pagesAList(String name) {
        return List.of("links_next", "page_number", "offset").contains(name);
    }

    public static boolean pagesAList(PaginatorSpec spec) {
        return pagesAList(spec.type());
    }

    /** A paginator with chatload's defaults for its settings. */
    public static Paginator create(String name, PagingContext context) {
        return create(PaginatorSpec.of(name), context);
    }

    public static Paginator create(PaginatorSpec spec, PagingContext context) {
        AtomicInteger warned = new AtomicInteger();
        Consumer<String> warnings = warning -> {
            warned.incrementAndGet();
            context.warnings().accept(warning);
        };
        PagingContext counted = new PagingContext(context.baseUrl(), context.pageParam(), context.pageSizeParam(),
                context.pageSize(), context.maxPages(), context.wanted(), warnings);
        return new GuardedPaginator(inner(spec, counted), spec.type(), context.baseUrl(), context.maxPages(),
                context.warnings(), warned);
    }

    private static Paginator inner(PaginatorSpec spec, PagingContext c) {
        return switch (spec.type()) {
            case "links_next" -> new LinksNextPaginator(c.pageParam(), c.maxPages(), c.warnings());
            case "links_more" -> new LinksMorePaginator(c.baseUrl(), c.maxPages(), c.wanted(), c.warnings());
            case "page_number" -> new PageNumberPaginator(c.pageParam(), c.pageSizeParam(), c.pageSize(),
                    spec.number("basePage", 1, 0), rangeEnd(spec, true), c.maxPages(), c.warnings());
            case "offset" -> new OffsetPaginator(spec.text("offsetParam", "offset"), spec.text("limitParam", "limit"),
                    spec.number("limit", c.pageSize(), 1), spec.number("offset", 0, 0), rangeEnd(spec, true), c.warnings());
            case "json_link" -> new JsonLinkPaginator(spec.path("nextUrlPath", "next"));
            case "header_link" -> new HeaderLinkPaginator(spec.text("linksNextKey", "next"));
            case "cursor" -> new CursorPaginator(spec.path("cursorPath", "cursors.next"), spec.text("cursorParam", "cursor"),
                    spec.path("hasMorePath", null), spec.flag("stopAfterEmptyPage", false));
            case "auto" -> new AutoPaginator(c, LOG::info);
            default -> new SinglePagePaginator();
        };
    }

    private static RangeEnd rangeEnd(PaginatorSpec spec, boolean stopAfterEmptyPage) {
        return new RangeEnd(spec.path("totalPath", null), spec.path("hasMorePath", null),
                spec.flag("stopAfterEmptyPage", stopAfterEmptyPage));
    }
}
