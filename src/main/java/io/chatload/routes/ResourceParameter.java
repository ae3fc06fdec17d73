package io.chatload.routes;

import io.chatload.load.SchemaContract;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The parameters of a resource file, each declared once here: its name, what it means, and what it is when the file
 * leaves it out ({@link Default}). The resource itself is named by the file's {@code routeId},
 * {@code <source>.<name>} (e.g. {@code chaport.visitors}). From this one list come the template's parameters as Camel's
 * tooling sees them ({@link ResourceTemplate}), the built-in source defaults ({@link SourceDefaults}) and the table in
 * docs/resources.md.
 */
public enum ResourceParameter {
    PATH("path", Default.mandatory(),
            "The endpoint path below the source's base URL, e.g. /visitors or /forms?botId=1."),
    TABLE("table", Default.computed("the resource's name (the routeId after the dot)"),
            "Destination table in the source's schema."),
    DATA_SELECTOR("dataSelector", Default.source("$"),
            "Where the records are in the response: a field path such as result or data.items, $ for the whole body, or "
                    + "auto (a bare array, or rows under data, result, items or rows). A single object is one record."),
    PAGINATOR("paginator", Default.source("single"),
            "How the pages are requested, as dlt's rest_api names it: single_page (or single: one response holds "
                    + "everything), json_link (a next URL in the body at nextUrlPath), header_link (a Link header with "
                    + "rel=next), offset (offset and limit parameters), page_number (?page=N&per_page=M until an empty, "
                    + "short or repeated page), cursor (a cursor from the body sent back as a parameter), auto (decided on "
                    + "the first response); or Chaport's links_next (?page=N while links.next is present) and links_more "
                    + "(then each URL in the first response's links.more). A list endpoint must name one."),
    NEXT_URL_PATH("nextUrlPath", Default.sourceOr("next"),
            "json_link: the dotted path of the next page's URL in the body (absolute or relative)."),
    LINKS_NEXT_KEY("linksNextKey", Default.sourceOr("next"),
            "header_link: the rel of the Link header entry to follow."),
    LIMIT("limit", Default.sourceOr("pageSize"),
            "offset: records per page, sent as limitParam."),
    OFFSET("offset", Default.sourceOr("0"),
            "offset: the first page's offset."),
    OFFSET_PARAM("offsetParam", Default.sourceOr("offset"),
            "offset: the query parameter of the offset."),
    LIMIT_PARAM("limitParam", Default.sourceOr("limit"),
            "offset: the query parameter of the limit."),
    TOTAL_PATH("totalPath", Default.sourceOr("none (stop on an empty or short page)"),
            "offset and page_number: the dotted path of the total (items for offset, pages for page_number); paging "
                    + "stops there."),
    HAS_MORE_PATH("hasMorePath", Default.sourceOr("none"),
            "offset, page_number and cursor: the dotted path of a boolean that is false on the last page."),
    STOP_AFTER_EMPTY_PAGE("stopAfterEmptyPage", Default.sourceOr("true (false for cursor, as dlt)"),
            "offset, page_number and cursor: whether an empty page ends the list."),
    BASE_PAGE("basePage", Default.sourceOr("1"),
            "page_number: the number of the first page."),
    CURSOR_PATH("cursorPath", Default.sourceOr("cursors.next"),
            "cursor: the dotted path of the next page's cursor in the body."),
    CURSOR_PARAM("cursorParam", Default.sourceOr("cursor"),
            "cursor: the query parameter that sends the cursor back."),
    PAGE_PARAM("pageParam", Default.source("page"),
            "Query parameter that carries the page number."),
    PAGE_SIZE_PARAM("pageSizeParam", Default.source("per_page"),
            "Query parameter that carries the page size, for page_number."),
    PAGE_SIZE("pageSize", Default.source("100"),
            "Records per page, for page_number; it must not exceed what the API serves per page."),
    MAX_PAGES("maxPages", Default.source("10000"),
            "Most pages one run fetches, for links_more the first response and each URL followed (a warning says when "
                    + "it stops there; no cursor, its parent's included, then claims the rest, so the next run asks again)."),
    PRIMARY_KEY("primaryKey", Default.source("id"),
            "Comma-separated key fields for merge, e.g. id. Empty for append."),
    WRITE_DISPOSITION("writeDisposition", Default.source("merge"),
            "merge (upsert on the key), append, or replace (whole-table swap in one transaction)."),
    AUTH("auth", Default.source(""),
            "How the credential is sent, as dlt's rest_api names it: bearer (Authorization: Bearer, the token), api_key "
                    + "(the token in a header or query parameter named authName), http_basic (username and password), "
                    + "oauth2_client_credentials (client id and secret exchanged at accessTokenUrl for a token). Empty: the "
                    + "authHeader and authScheme pair says it. The secrets are configuration (docs/sources.md)."),
    AUTH_LOCATION("authLocation", Default.sourceOr("header"),
            "api_key: header or query."),
    AUTH_NAME("authName", Default.sourceOr("Authorization"),
            "api_key: the header or query parameter that carries the key."),
    AUTH_HEADER("authHeader", Default.source("Authorization"),
            "Without auth: the header that carries the credential (e.g. Authorization, api_key)."),
    AUTH_SCHEME("authScheme", Default.source("Bearer"),
            "Without auth: the word before the credential (e.g. Bearer), empty for the raw key."),
    ACCESS_TOKEN_URL("accessTokenUrl", Default.sourceOr("none"),
            "oauth2_client_credentials: the token endpoint's URL."),
    SCOPE("scope", Default.sourceOr("none"),
            "oauth2_client_credentials: the scope asked for, if the token endpoint needs one."),
    DEFAULT_TOKEN_EXPIRATION("defaultTokenExpiration", Default.source("3600"),
            "oauth2_client_credentials: seconds a token lasts when the token endpoint does not say (expires_in)."),
    SCHEDULE("schedule", Default.source("0 0/15 * * * ?"),
            "Quartz cron (e.g. '0 0/15 * * * ?', seconds first) or an interval (30s, 15m, 1h). Root resources only: a "
                    + "child runs with its parent."),
    PARENT("parent", Default.none(),
            "The parent resource (its routeId, or its name in the same source): this resource then runs once per parent "
                    + "record, after the parent's record is written, and its path may use {parent.field}, e.g. "
                    + "/visitors/{parent.id}/chats."),
    PARENT_FIELDS("parentFields", Default.none(),
            "Fields copied from each parent record into this resource's records, child=parent, comma-separated (e.g. "
                    + "visitor_id=id: the APIs leave them out); they may be part of the primaryKey."),
    PARENT_QUERY("parentQuery", Default.none(),
            "Instead of a parent resource: an SQL query on the destination whose rows are the parent records "
                    + "(lower-case column names); the resource runs once per row and its path may use {parent.column}; "
                    + "{schema} stands for the source's schema (each account of a vendor queries its own). "
                    + "One SELECT (or WITH ... SELECT) statement, run in a read-only transaction that is rolled back. "
                    + "See routes/chaport/operator.yaml."),
    AFTER("after", Default.none(),
            "With parentQuery: resources (ids or names) that run --once finishes before this one starts."),
    CURSOR_FIELD("cursorField", Default.none(),
            "A record field that tells when the record and everything below it last changed (e.g. lastChatAt, ISO "
                    + "time): a record whose cursor did not move since the last run is skipped with its children."),
    SORTED_BY_CURSOR("sortedByCursor", Default.fixed("false"),
            "true when the API lists records newest first by cursorField: paging then stops at the first record not "
                    + "newer than the last run's highest cursor."),
    DONE_WHEN("doneWhen", Default.none(),
            "field=value marking a record that never changes again (e.g. stage=closed): once loaded, it is not fetched "
                    + "again (links_more skips its URL)."),
    EXCLUDE_FIELDS("excludeFields", Default.none(),
            "Comma-separated top-level fields left out of the table (e.g. events, when another resource loads them)."),
    SCHEMA_CONTRACT("schemaContract", Default.source("evolve"),
            "dlt's schema contract: one mode for all (evolve, freeze, discard_row, discard_value) or tables=..., "
                    + "columns=..., data_type=...; keys not set here come from the source (see Schema contracts)."),
    MAX_TABLE_NESTING("maxTableNesting", Default.source(Integer.toString(SchemaContract.DEFAULT_MAX_TABLE_NESTING)),
            "dlt's max_table_nesting: objects and lists nested deeper are stored as JSON text in one column, not as "
                    + "columns and child tables (0: every one)."),
    MAX_COLUMNS("maxColumns", Default.source(Integer.toString(SchemaContract.DEFAULT_MAX_COLUMNS)),
            "Most columns a table of this resource may have; past it a new column meets the contract's columns mode "
                    + "(evolve counting as freeze).");

    /**
     * What a parameter is when a resource file leaves it out.
     *
     * @param required  the file must give it
     * @param bySource  the source's {@code _source.yaml} may give it for all its resources ({@link SourceDefaults})
     * @param value     the value when neither the file nor the source gives one: for a source default, the built-in
     *                  one {@link SourceDefaults} starts with; otherwise Camel's template default. Null when none.
     * @param note      how the value is found when it is not a fixed one (it depends on other parameters, or is
     *                  decided where the parameter is used); null when {@code value} says it
     */
    public record Default(boolean required, boolean bySource, String value, String note) {

        static Default mandatory() {
            return new Default(true, false, null, null);
        }

        /** Unset means the feature is off. */
        static Default none() {
            return new Default(false, false, null, "none");
        }

        /** The same value for every source: Camel's template fills it in. */
        static Default fixed(String value) {
            return new Default(false, false, value, null);
        }

        static Default computed(String note) {
            return new Default(false, false, null, note);
        }

        /** The source's value, else {@code value}. */
        static Default source(String value) {
            return new Default(false, true, value, null);
        }

        /** The source's value, else as {@code note} says, decided where the parameter is used. */
        static Default sourceOr(String note) {
            return new Default(false, true, null, note);
        }

        /** A fixed value Camel's template may declare: one no source can override, so it shadows nothing. */
        public String templateDefault() {
            return bySource ? null : value;
        }

        /** For people: {@code required}, {@code the source's, else 100}, ... */
        public String describe() {
            return describe(v -> v);
        }

        /** As {@link #describe()}, each value written by {@code asValue} (docs set it in code). */
        public String describe(UnaryOperator<String> asValue) {
            if (required) {
                return "required";
            }
            String fallback = value == null ? note : value.isEmpty() ? "empty" : asValue.apply(value);
            return bySource ? "the source's, else " + fallback : fallback;
        }
    }

    private final String key;
    private final Default fallback;
    private final String description;

    ResourceParameter(String key, Default fallback, String description) {
        this.key = key;
        this.fallback = fallback;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public boolean required() {
        return fallback.required();
    }

    /** What the parameter is when the file leaves it out. */
    public Default fallback() {
        return fallback;
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
    static final List<ResourceParameter> PAGINATOR_SETTINGS = List.of(NEXT_URL_PATH, LINKS_NEXT_KEY,
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
