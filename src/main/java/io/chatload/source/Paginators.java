package io.chatload.source;

import java.util.List;

/** Paginators by the name a resource file gives. A list endpoint must name one: there is no silent single page. */
public final class Paginators {

    public static final List<String> NAMES = List.of("single", "links_next", "links_more", "page_number");

    private Paginators() {
    }

    /** Checks a name early, when the resource file is loaded. */
    public static String validate(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown paginator '" + name + "': use one of " + String.join(", ", NAMES));
        }
        return name;
    }

    /** Whether the paginator walks a list endpoint, whose answers must hold a list. */
    public static boolean pagesAList(String name) {
        return name.equals("links_next") || name.equals("page_number");
    }

    public static Paginator create(String name, PagingContext context) {
        return switch (validate(name)) {
            case "links_next" -> new LinksNextPaginator(context.pageParam(), context.maxPages(), context.warnings());
            case "links_more" -> new LinksMorePaginator(context.baseUrl(), context.maxPages(), context.wanted(),
                    context.warnings());
            case "page_number" -> new PageNumberPaginator(context.pageParam(), context.pageSizeParam(), context.pageSize(),
                    context.maxPages(), context.warnings());
            default -> new SinglePagePaginator();
        };
    }
}
