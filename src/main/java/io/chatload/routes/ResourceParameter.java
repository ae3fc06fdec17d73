package io.chatload.routes;

/**
 * The parameters of a resource file. The resource itself is named by the file's {@code routeId},
 * {@code <source>.<name>} (e.g. {@code chaport.visitors}). Those marked "source default" fall back to the source's
 * {@code _source.yaml} bean, then to the default named here.
 */
public enum ResourceParameter {
    PATH("path", true, "The endpoint path below the source's base URL, e.g. /visitors."),
    TABLE("table", false, "Destination table in the source's schema. Default: the resource name (routeId after the dot)."),
    DATA_SELECTOR("dataSelector", false, "Where the records are in the response: a field path such as result, $ for the whole body, or auto. Source default."),
    PAGINATOR("paginator", false, "How the pages are requested, as dlt's rest_api names it: single_page (or single: one response holds everything), json_link (a next URL in the body at nextUrlPath), header_link (a Link header with rel=next), offset (offset and limit parameters), page_number (?page=N&per_page=M), cursor (a cursor from the body sent back as a parameter), auto (decided on the first response); or Chaport's links_next (?page=N while links.next is present) and links_more (then each URL in the first response's links.more). Source default: single."),
    NEXT_URL_PATH("nextUrlPath", false, "json_link: the dotted path of the next page's URL in the body (absolute or relative). Default: next."),
    LINKS_NEXT_KEY("linksNextKey", false, "header_link: the rel of the Link header entry to follow. Default: next."),
    LIMIT("limit", false, "offset: records per page, sent as limitParam. Default: pageSize."),
    OFFSET("offset", false, "offset: the first page's offset. Default: 0."),
    OFFSET_PARAM("offsetParam", false, "offset: the query parameter of the offset. Default: offset."),
    LIMIT_PARAM("limitParam", false, "offset: the query parameter of the limit. Default: limit."),
    TOTAL_PATH("totalPath", false, "offset and page_number: the dotted path of the total (items for offset, pages for page_number); paging stops there. Default: none (stop on an empty or short page)."),
    HAS_MORE_PATH("hasMorePath", false, "offset, page_number and cursor: the dotted path of a boolean that is false on the last page. Default: none."),
    STOP_AFTER_EMPTY_PAGE("stopAfterEmptyPage", false, "offset, page_number and cursor: whether an empty page ends the list. Default: true (false for cursor, as dlt)."),
    BASE_PAGE("basePage", false, "page_number: the number of the first page. Default: 1."),
    CURSOR_PATH("cursorPath", false, "cursor: the dotted path of the next page's cursor in the body. Default: cursors.next."),
    CURSOR_PARAM("cursorParam", false, "cursor: the query parameter that sends the cursor back. Default: cursor."),
    PAGE_PARAM("pageParam", false, "Query parameter that carries the page number. Source default: page."),
    PAGE_SIZE_PARAM("pageSizeParam", false, "Query parameter that carries the page size, for page_number. Source default: per_page."),
    PAGE_SIZE("pageSize", false, "Records per page, for page_number. Source default: 100."),
    MAX_PAGES("maxPages", false, "Most pages one run fetches, for links_more the first response and each URL followed (a warning says when it stops there; no cursor, its parent's included, then claims the rest, so the next run asks again). Source default: 10000."),
    PRIMARY_KEY("primaryKey", false, "Comma-separated key fields for merge, e.g. id. Source default: id. Empty for append."),
    WRITE_DISPOSITION("writeDisposition", false, "merge (upsert on the key), append, or replace (whole-table swap). Source default: merge."),
    AUTH("auth", false, "How the credential is sent, as dlt's rest_api names it: bearer (Authorization: Bearer, the token), api_key (the token in a header or query parameter named authName), http_basic (username and password), oauth2_client_credentials (client id and secret exchanged at accessTokenUrl for a token). Empty: the authHeader and authScheme pair says it. The secrets are configuration (docs/sources.md). Source default."),
    AUTH_LOCATION("authLocation", false, "api_key: header or query. Source default: header."),
    AUTH_NAME("authName", false, "api_key: the header or query parameter that carries the key. Source default: Authorization."),
    AUTH_HEADER("authHeader", false, "Without auth: the header that carries the credential (e.g. Authorization, api_key). Source default."),
    AUTH_SCHEME("authScheme", false, "Without auth: the word before the credential (e.g. Bearer), empty for the raw key. Source default."),
    ACCESS_TOKEN_URL("accessTokenUrl", false, "oauth2_client_credentials: the token endpoint's URL. Source default."),
    SCOPE("scope", false, "oauth2_client_credentials: the scope asked for, if the token endpoint needs one. Source default."),
    DEFAULT_TOKEN_EXPIRATION("defaultTokenExpiration", false, "oauth2_client_credentials: seconds a token lasts when the token endpoint does not say (expires_in). Source default: 3600."),
    SCHEDULE("schedule", false, "Quartz cron (e.g. '0 0/15 * * * ?') or an interval (30s, 15m, 1h). Source default. Not for child resources."),
    PARENT("parent", false, "The parent resource (its routeId, or its name in the same source): this resource then runs once per parent record, and its path may use {parent.field}."),
    PARENT_FIELDS("parentFields", false, "Fields copied from each parent record into this resource's records, child=parent, comma-separated (e.g. visitor_id=id); they may be part of the primaryKey."),
    PARENT_QUERY("parentQuery", false, "An SQL query on the destination whose rows are the parent records (lower-case column names): the resource runs once per row, its path may use {parent.column}; {schema} stands for the source's schema (each account of a vendor queries its own)."),
    AFTER("after", false, "With parentQuery: resources (ids or names) that run --once finishes before this one starts."),
    CURSOR_FIELD("cursorField", false, "A record field that tells when the record and everything below it last changed (e.g. lastChatAt, ISO time): unchanged records are skipped, and a list sorted newest first stops paging at the first one."),
    SORTED_BY_CURSOR("sortedByCursor", false, "true when the API lists records newest first by cursorField: paging then stops at the first record not newer than the last run's highest cursor. Default false."),
    DONE_WHEN("doneWhen", false, "field=value marking a record that never changes again (e.g. stage=closed): once loaded, it is not fetched again."),
    EXCLUDE_FIELDS("excludeFields", false, "Comma-separated top-level fields left out of the table (e.g. events, when another resource loads them)."),
    SCHEMA_CONTRACT("schemaContract", false, "dlt's schema contract: one mode for all (evolve, freeze, discard_row, discard_value) or tables=..., columns=..., data_type=...; keys not set here come from the source. Source default: evolve."),
    MAX_TABLE_NESTING("maxTableNesting", false, "dlt's max_table_nesting: objects and lists nested deeper are stored as JSON text in one column, not as columns and child tables (0: every one). Source default: 32."),
    MAX_COLUMNS("maxColumns", false, "Most columns a table of this resource may have; past it a new column is refused under the contract's columns mode (evolve counting as freeze). Source default: 500.");

    private final String key;
    private final boolean required;
    private final String description;

    ResourceParameter(String key, boolean required, String description) {
        this.key = key;
        this.required = required;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    static String known() {
        StringBuilder s = new StringBuilder();
        for (ResourceParameter p : values()) {
            s.append(s.isEmpty() ? "" : ", ").append(p.key);
        }
        return s.toString();
    }

    /** The paginator settings, handed to the paginator by name ({@link io.chatload.source.PaginatorSpec}). */
    static final java.util.List<ResourceParameter> PAGINATOR_SETTINGS = java.util.List.of(NEXT_URL_PATH, LINKS_NEXT_KEY,
            LIMIT, OFFSET, OFFSET_PARAM, LIMIT_PARAM, TOTAL_PATH, HAS_MORE_PATH, STOP_AFTER_EMPTY_PAGE, BASE_PAGE,
            CURSOR_PATH, CURSOR_PARAM);

    static boolean isKnown(String key) {
        for (ResourceParameter p : values()) {
            if (p.key.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
