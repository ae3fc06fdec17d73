package io.chatload.routes;

/** How a resource's pages are requested: the paginator and, for page numbers, the parameters and limits. */
public record Paging(String paginator, String pageParam, String pageSizeParam, int pageSize, int maxPages) {
}
