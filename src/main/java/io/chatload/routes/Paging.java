package io.chatload.routes;

import io.chatload.source.PaginatorSpec;

/** How a resource's pages are requested: the paginator with its settings and, for page numbers, the parameters and limits. */
public record Paging(PaginatorSpec paginator, String pageParam, String pageSizeParam, int pageSize, int maxPages) {
}
