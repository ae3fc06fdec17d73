package io.chatload.load;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL (9.6+, tested on 15): lower-case identifiers of at most 63 bytes, dlt's PostgreSQL types
 * ({@code varchar}, {@code jsonb}, {@code timestamp with time zone}...),
 * upsert with {@code INSERT ... ON CONFLICT (key) DO UPDATE}. ON CONFLICT rather than MERGE (15+): it works on every
 * supported version and, unlike MERGE, cannot fail with a duplicate key when two writers insert one new key at once.
 */
public final class PostgresDialect implements Dialect {
    private final String schemaPrefix;
    /**
     * One per dialect, so one per destination and login: what it learns of the login (may it make temporary tables?)
     * is asked once, not again by every batch.
     */
    private final PostgresCopy copy = new PostgresCopy(this);

    public PostgresDialect() {
        this("");
    }

    public PostgresDialect(String schemaPrefix) {
        this.schemaPrefix = schemaPrefix;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String schemaPrefix() {
        return schemaPrefix;
    }

    /** NAMEDATALEN - 1, dlt's limit in characters; in bytes too, see {@link #maxIdentifierBytes}. */
    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    /** PostgreSQL cuts longer names silently, which only names past ASCII (duck_case, direct) can reach. */
    @Override
    public int maxIdentifierBytes() {
        return 63;
    }

    @Override
    public String fold(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    @Override
    public String sqlType(DataType type) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOL -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case DECIMAL -> "NUMERIC(38, 0)";
            case JSON -> "JSONB";
        };
    }

    /** Types as information_schema.columns.data_type names them ({@code text}: what chatload made before dlt's varchar). */
    @Override
    public DataType dataType(String sqlType) {
        return switch (sqlType.toLowerCase(Locale.ROOT)) {
            case "bigint", "integer", "smallint" -> DataType.BIGINT;
            case "double precision", "real" -> DataType.DOUBLE;
            case "boolean" -> DataType.BOOL;
            case "timestamp with time zone" -> DataType.TIMESTAMP;
            case "numeric" -> DataType.DECIMAL;
            case "jsonb", "json" -> DataType.JSON;
            default -> DataType.TEXT;
        };
    }

    /** chatload's TEXT before it took dlt's PostgreSQL types. */
    @Override
    public boolean isOldText(String dataType) {
        return "text".equalsIgnoreCase(dataType);
    }

    /** One statement per table; text to varchar is binary-coercible, so PostgreSQL does not rewrite the table. */
    @Override
    public List<String> retype(String schema, String table, Map<String, String> types) {
        return types.isEmpty() ? List.of() : List.of("ALTER TABLE " + table(schema, table) + types.entrySet().stream()
                .map(c -> " ALTER COLUMN " + quote(c.getKey()) + " TYPE " + c.getValue()).collect(Collectors.joining(",")));
    }

    /** One statement per table: one scan checks all columns. */
    @Override
    public List<String> setNotNull(String schema, String table, Map<String, String> types) {
        return types.isEmpty() ? List.of() : List.of("ALTER TABLE " + table(schema, table) + types.keySet().stream()
                .map(c -> " ALTER COLUMN " + quote(c) + " SET NOT NULL").collect(Collectors.joining(",")));
    }

    @Override
    public String upsert(String schema, String table, List<String> columns, List<String> key, int rows) {
        return insert(schema, table, columns, rows) + onConflict(columns, key);
    }

    /** What makes an insert of {@code columns} an upsert on {@code key}: every other column takes the new value. */
    String onConflict(List<String> columns, List<String> key) {
        List<String> updated = columns.stream().filter(c -> !key.contains(c)).toList();
        String action = updated.isEmpty() ? "NOTHING"
                : "UPDATE SET " + updated.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c)).collect(Collectors.joining(", "));
        return " ON CONFLICT (" + columnList(key) + ") DO " + action;
    }

    /** COPY, and a merge through a staging table, for flushes of more than a few rows. */
    @Override
    public Optional<BulkRows> bulkRows() {
        return Optional.of(copy);
    }

    /** As an untyped parameter, which PostgreSQL casts to jsonb. */
    @Override
    public void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setObject(index, json, Types.OTHER);
    }

    /**
     * pgjdbc gives timestamptz as java.sql.Timestamp unless asked for OffsetDateTime (then in UTC), and jsonb as a
     * PGobject: its text instead.
     */
    @Override
    public Object value(ResultSet rows, int column) throws SQLException {
        String type = rows.getMetaData().getColumnTypeName(column);
        if ("timestamptz".equalsIgnoreCase(type)) {
            return rows.getObject(column, OffsetDateTime.class);
        }
        if ("jsonb".equalsIgnoreCase(type) || "json".equalsIgnoreCase(type)) {
            return rows.getString(column);
        }
        return Dialect.super.value(rows, column);
    }
}
