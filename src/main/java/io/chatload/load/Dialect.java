package io.chatload.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What differs between databases: identifier case and quoting, the identifier limit, SQL types, DDL and upsert.
 * Identifiers passed in are dlt names ({@code [a-z0-9_]}); they are always quoted, in the case the database folds
 * unquoted identifiers to, so plain unquoted SQL written by a user finds them. Values are never part of the SQL.
 */
public interface Dialect {
    String name();

    /** Longest identifier the database accepts; longer names are shortened with a hash tag. */
    int maxIdentifierLength();

    /** The identifier as the database stores an unquoted one: upper case on H2, lower case on PostgreSQL. */
    String fold(String identifier);

    default String quote(String identifier) {
        return quoteExact(fold(identifier));
    }

    /** Quotes a name exactly as the database stores it (as metadata returns it). */
    default String quoteExact(String stored) {
        return '"' + stored.replace("\"", "\"\"") + '"';
    }

    default String table(String schema, String table) {
        return quote(schema) + '.' + quote(table);
    }

    /** The dlt name of an identifier read back from the database: lower case when it is in folded form. */
    default String dltName(String stored) {
        String lower = stored.toLowerCase(Locale.ROOT);
        return fold(lower).equals(stored) ? lower : stored;
    }

    String sqlType(DataType type);

    /** The loader's type for a column type as metadata reports it; TEXT for types the loader does not create. */
    DataType dataType(String sqlType);

    /** Session settings every connection gets before use (e.g. lock timeouts). */
    default void configureSession(Connection connection) throws SQLException {
    }

    default String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    default String createTable(String schema, String table, Map<String, DataType> columns, List<String> primaryKey) {
        String body = columns.entrySet().stream()
                .map(c -> quote(c.getKey()) + ' ' + sqlType(c.getValue()))
                .collect(Collectors.joining(", "));
        if (!primaryKey.isEmpty()) {
            body += ", PRIMARY KEY (" + columnList(primaryKey) + ')';
        }
        return "CREATE TABLE IF NOT EXISTS " + table(schema, table) + " (" + body + ')';
    }

    default String addColumn(String schema, String table, String column, DataType type) {
        return "ALTER TABLE " + table(schema, table) + " ADD COLUMN IF NOT EXISTS " + quote(column) + ' ' + sqlType(type);
    }

    default String createIndex(String schema, String table, String index, String column) {
        return "CREATE INDEX IF NOT EXISTS " + quote(index) + " ON " + table(schema, table) + " (" + quote(column) + ')';
    }

    default String insert(String schema, String table, List<String> columns) {
        return "INSERT INTO " + table(schema, table) + " (" + columnList(columns) + ") VALUES (" + placeholders(columns.size()) + ')';
    }

    /**
     * Insert a row, or, when a row with the same key exists, update the given non-key columns (the others keep their
     * values). Parameters in the order of {@code columns}.
     */
    String upsert(String schema, String table, List<String> columns, List<String> key);

    /**
     * Parameters: the folded schema name, then (if {@code oneTable}) the folded table name. Columns: table name,
     * column name, SQL type; ordered by table then column position; base tables only.
     */
    default String columnsQuery(boolean oneTable) {
        return "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS c"
                + " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.TABLE_SCHEMA = ?" + (oneTable ? " AND c.TABLE_NAME = ?" : "")
                + " AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
    }

    default String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
