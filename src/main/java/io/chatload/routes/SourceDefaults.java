package io.chatload.routes;

import io.chatload.load.SchemaContract;

/**
 * Settings shared by every resource of one API, declared once in {@code routes/<source>/_source.yaml} as a Camel
 * bean named after the source. Any resource file may override them. The base URL and the credential are not here:
 * they are configuration ({@code chatload.<source>.*}), so the routes folder never holds a secret.
 */
public class SourceDefaults {

    private String schema;
    /** dlt's naming convention for the schema's tables and columns: one per schema, as dlt's {@code schema.naming}. */
    private String naming = "snake_case";
    private String authHeader = "Authorization";
    private String authScheme = "Bearer";
    private String dataSelector = "$";
    private String paginator = "single";
    private String pageParam = "page";
    private String pageSizeParam = "per_page";
    private int pageSize = 100;
    private int maxPages = 10_000;
    private String primaryKey = "id";
    private String writeDisposition = "merge";
    private String schedule = "0 0/15 * * * ?";
    private String schemaContract = "evolve";
    private int maxTableNesting = SchemaContract.DEFAULT_MAX_TABLE_NESTING;
    private int maxColumns = SchemaContract.DEFAULT_MAX_COLUMNS;

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

    public String getAuthHeader() {
        return authHeader;
    }

    public void setAuthHeader(String authHeader) {
        this.authHeader = authHeader;
    }

    public String getAuthScheme() {
        return authScheme;
    }

    public void setAuthScheme(String authScheme) {
        this.authScheme = authScheme;
    }

    public String getDataSelector() {
        return dataSelector;
    }

    public void setDataSelector(String dataSelector) {
        this.dataSelector = dataSelector;
    }

    public String getPaginator() {
        return paginator;
    }

    public void setPaginator(String paginator) {
        this.paginator = paginator;
    }

    public String getPageParam() {
        return pageParam;
    }

    public void setPageParam(String pageParam) {
        this.pageParam = pageParam;
    }

    public String getPageSizeParam() {
        return pageSizeParam;
    }

    public void setPageSizeParam(String pageSizeParam) {
        this.pageSizeParam = pageSizeParam;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public String getPrimaryKey() {
        return primaryKey;
    }

    public void setPrimaryKey(String primaryKey) {
        this.primaryKey = primaryKey;
    }

    public String getWriteDisposition() {
        return writeDisposition;
    }

    public void setWriteDisposition(String writeDisposition) {
        this.writeDisposition = writeDisposition;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getSchemaContract() {
        return schemaContract;
    }

    public void setSchemaContract(String schemaContract) {
        this.schemaContract = schemaContract;
    }

    public int getMaxTableNesting() {
        return maxTableNesting;
    }

    public void setMaxTableNesting(int maxTableNesting) {
        this.maxTableNesting = maxTableNesting;
    }

    public int getMaxColumns() {
        return maxColumns;
    }

    public void setMaxColumns(int maxColumns) {
        this.maxColumns = maxColumns;
    }
}
