package io.chatload.routes;

import java.util.EnumMap;
import java.util.Map;

/**
 * Settings shared by every resource of one API, declared once in {@code routes/<source>/_source.yaml} as a Camel
 * bean named after the source: any resource parameter whose default is the source's (see {@link ResourceParameter}),
 * plus the schema and its naming convention. Any resource file may override them. The base URL and the credentials
 * are not here: they are configuration ({@code chatload.<source>.*}, {@code CHATLOAD_<SOURCE>_*}), so the routes
 * folder never holds a secret. Camel sets the properties through the setters; unset ones keep the built-in defaults.
 */
public class SourceDefaults {

    private final Map<ResourceParameter, String> values = new EnumMap<>(ResourceParameter.class);
    private String schema;
    /** dlt's naming convention for the schema's tables and columns: one per schema, as dlt's {@code schema.naming}. */
    private String naming = "snake_case";

    /** Starts with the built-in defaults {@link ResourceParameter} declares; the bean's properties override them. */
    public SourceDefaults() {
        for (ResourceParameter p : ResourceParameter.values()) {
            if (p.fallback().bySource() && p.fallback().value() != null) {
                set(p, p.fallback().value());
            }
        }
    }

    /** The source's value of a parameter: the bean's, else the built-in one; null when neither gives one. */
    public String value(ResourceParameter parameter) {
        return values.get(parameter);
    }

    /**
     * These defaults with a source instance's own schema and schedule where it sets them (null: the vendor's): one
     * vendor's {@code _source.yaml} serves every account of it.
     */
    SourceDefaults overriddenBy(String ownSchema, String ownSchedule) {
        if (ownSchema == null && ownSchedule == null) {
            return this;
        }
        SourceDefaults copy = new SourceDefaults();
        copy.values.putAll(values);
        copy.schema = ownSchema == null ? schema : ownSchema;
        copy.naming = naming;
        if (ownSchedule != null) {
            copy.set(ResourceParameter.SCHEDULE, ownSchedule);
        }
        return copy;
    }

    /** The schema the defaults name, else {@code <source>_data}. */
    String schemaOf(String source) {
        return schema == null || schema.isBlank() ? source + "_data" : schema.trim();
    }

    private void set(ResourceParameter parameter, Object value) {
        values.put(parameter, value == null ? "" : value.toString().trim());
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getNaming() {
        return naming;
    }

    public void setNaming(String naming) {
        this.naming = naming;
    }

    // one setter per parameter a source may default, named as the parameter (Camel's bean binding needs them;
    // SourceDefaultsTest checks they match ResourceParameter)
    public void setAuth(String v) { set(ResourceParameter.AUTH, v); }
    public void setAuthLocation(String v) { set(ResourceParameter.AUTH_LOCATION, v); }
    public void setAuthName(String v) { set(ResourceParameter.AUTH_NAME, v); }
    public void setAuthHeader(String v) { set(ResourceParameter.AUTH_HEADER, v); }
    public void setAuthScheme(String v) { set(ResourceParameter.AUTH_SCHEME, v); }
    public void setAccessTokenUrl(String v) { set(ResourceParameter.ACCESS_TOKEN_URL, v); }
    public void setScope(String v) { set(ResourceParameter.SCOPE, v); }
    public void setDefaultTokenExpiration(String v) { set(ResourceParameter.DEFAULT_TOKEN_EXPIRATION, v); }
    public void setDataSelector(String v) { set(ResourceParameter.DATA_SELECTOR, v); }
    public void setPaginator(String v) { set(ResourceParameter.PAGINATOR, v); }
    public void setPageParam(String v) { set(ResourceParameter.PAGE_PARAM, v); }
    public void setPageSizeParam(String v) { set(ResourceParameter.PAGE_SIZE_PARAM, v); }
    public void setPageSize(String v) { set(ResourceParameter.PAGE_SIZE, v); }
    public void setMaxPages(String v) { set(ResourceParameter.MAX_PAGES, v); }
    public void setNextUrlPath(String v) { set(ResourceParameter.NEXT_URL_PATH, v); }
    public void setLinksNextKey(String v) { set(ResourceParameter.LINKS_NEXT_KEY, v); }
    public void setLimit(String v) { set(ResourceParameter.LIMIT, v); }
    public void setOffset(String v) { set(ResourceParameter.OFFSET, v); }
    public void setOffsetParam(String v) { set(ResourceParameter.OFFSET_PARAM, v); }
    public void setLimitParam(String v) { set(ResourceParameter.LIMIT_PARAM, v); }
    public void setTotalPath(String v) { set(ResourceParameter.TOTAL_PATH, v); }
    public void setHasMorePath(String v) { set(ResourceParameter.HAS_MORE_PATH, v); }
    public void setStopAfterEmptyPage(String v) { set(ResourceParameter.STOP_AFTER_EMPTY_PAGE, v); }
    public void setBasePage(String v) { set(ResourceParameter.BASE_PAGE, v); }
    public void setCursorPath(String v) { set(ResourceParameter.CURSOR_PATH, v); }
    public void setCursorParam(String v) { set(ResourceParameter.CURSOR_PARAM, v); }
    public void setPrimaryKey(String v) { set(ResourceParameter.PRIMARY_KEY, v); }
    public void setWriteDisposition(String v) { set(ResourceParameter.WRITE_DISPOSITION, v); }
    public void setSchedule(String v) { set(ResourceParameter.SCHEDULE, v); }
    public void setSchemaContract(String v) { set(ResourceParameter.SCHEMA_CONTRACT, v); }
    public void setMaxTableNesting(String v) { set(ResourceParameter.MAX_TABLE_NESTING, v); }
    public void setMaxColumns(String v) { set(ResourceParameter.MAX_COLUMNS, v); }
}
