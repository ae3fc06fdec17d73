package io.chatload.load;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between databases: identifier case and quoting, the identifier limit, SQL types, DDL, upsert, and how
 * timestamps travel. Identifiers passed in are dlt names; they are always quoted, those without capitals in the case
 * the database folds unquoted identifiers to, so plain unquoted SQL written by a user finds them. Values are never part of
 * the SQL. Schema arguments are dlt schema names: {@link #storedSchema} says where one is stored.
 */
public interface Dialect {
    String name();

    /** Longest identifier the database accepts; longer names are shortened with a hash tag. */
    int maxIdentifierLength();

    /** Longest identifier in UTF-8 bytes, where the database counts bytes rather than characters. */
    default int maxIdentifierBytes() {
        return Integer.MAX_VALUE;
    }

    /** The identifier as the database stores an unquoted one: upper case on H2, lower case on PostgreSQL. */
    String fold(String identifier);

    /**
     * Prepended to every schema name on the way into the database (empty by default): lets several destinations share
     * one server where a schema is a database (MariaDB), e.g. one per test.
     */
    String schemaPrefix();

    default String quote(String identifier) {
        return quoteExact(stored(identifier));
    }

    /**
     * How a dlt name is stored: folded when it has no capital letter (every snake_case name), so unquoted SQL finds
     * it; exactly as given when a case-sensitive naming convention made it with capitals ({@code Имя}, {@code userId}).
     */
    default String stored(String identifier) {
        return identifier.equals(identifier.toLowerCase(Locale.ROOT)) ? fold(identifier) : identifier;
    }

    /** Quotes a name exactly as the database stores it (as metadata returns it). */
    default String quoteExact(String stored) {
        return '"' + stored.replace("\"", "\"\"") + '"';
    }

    /** The name a dlt schema is stored under: with the schema prefix, folded. */
    default String storedSchema(String schema) {
        return fold(schemaPrefix() + schema);
    }

    default String quoteSchema(String schema) {
        return quoteExact(storedSchema(schema));
    }

    default String table(String schema, String table) {
        return quoteSchema(schema) + '.' + quote(table);
    }

    /** The dlt name of an identifier read back from the database: lower case when it is in folded form. */
    default String dltName(String stored) {
        String lower = stored.toLowerCase(Locale.ROOT);
        return fold(lower).equals(stored) ? lower : stored;
    }

    String sqlType(DataType type);

    /** The loader's type for a column type as metadata reports it; TEXT for types the loader does not create. */
    DataType dataType(String sqlType);

    /** Whether a column of this information_schema DATA_TYPE is text the way an older chatload made it, not dlt's way. */
    default boolean isOldText(String dataType) {
        return false;
    }

    /** The information_schema.COLUMNS column holding a column's type as DDL writes it (with length and precision). */
    default String fullTypeColumn() {
        return "DATA_TYPE";
    }

    /** Statements that change the columns (name → new SQL type) of an existing table; none when there are none. */
    default List<String> retype(String schema, String table, Map<String, String> types) {
        return List.of();
    }

    /** Statements that make the columns (name → their SQL type as {@link #fullTypeColumn} gives it) NOT NULL. */
    default List<String> setNotNull(String schema, String table, Map<String, String> types) {
        return types.keySet().stream()
                .map(c -> "ALTER TABLE " + table(schema, table) + " ALTER COLUMN " + quote(c) + " SET NOT NULL").toList();
    }

    /** Session settings every connection gets before use (e.g. lock timeouts). */
    default void configureSession(Connection connection) throws SQLException {
    }

    /**
     * A connection with this dialect's session settings, in auto-commit mode (pooled connections may come back
     * without it); the caller closes it.
     */
    default Connection open(javax.sql.DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            configureSession(connection);
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    default String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quoteSchema(schema);
    }

    /**
     * " NOT NULL" for the columns dlt declares not nullable (its {@code not_null} hint: {@code _dlt_id},
     * {@code _dlt_load_id}, {@code _dlt_parent_id}, {@code _dlt_list_idx}, {@code _dlt_root_id}), else "". Only
     * where a table is created: a column added to a table later has no value in the rows already there.
     */
    static String notNull(String column) {
        return Flattener.SYSTEM_COLUMNS.contains(column) ? " NOT NULL" : "";
    }

    /**
     * The statements that create a table (if absent) with its primary key (if any) and an index on each of
     * {@code indexes} (index name → column); dlt's system columns NOT NULL (see {@link #notNull}).
     */
    default List<String> createTable(String schema, String table, Map<String, DataType> columns, List<String> primaryKey,
                                     Map<String, String> indexes) {
        String body = columns.entrySet().stream()
                .map(c -> quote(c.getKey()) + ' ' + sqlType(c.getValue()) + notNull(c.getKey()))
                .collect(Collectors.joining(", "));
        if (!primaryKey.isEmpty()) {
            body += ", PRIMARY KEY (" + columnList(primaryKey) + ')';
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE IF NOT EXISTS " + table(schema, table) + " (" + body + ')');
        indexes.forEach((index, column) -> statements.add("CREATE INDEX IF NOT EXISTS " + quote(index) + " ON "
                + table(schema, table) + " (" + quote(column) + ')'));
        return statements;
    }

    /**
     * One statement adding all {@code columns}: a database that copies the table per ALTER (H2) does it once, not once
     * per column. PostgreSQL: a comma list of {@code ADD COLUMN IF NOT EXISTS}.
     */
    default String addColumns(String schema, String table, Map<String, DataType> columns) {
        return "ALTER TABLE " + table(schema, table) + columns.entrySet().stream()
                .map(c -> " ADD COLUMN IF NOT EXISTS " + quote(c.getKey()) + ' ' + sqlType(c.getValue()))
                .collect(Collectors.joining(","));
    }

    default String insert(String schema, String table, List<String> columns) {
        return insert(schema, table, columns, 1);
    }

    /** Inserts {@code rows} rows in one statement; parameters row by row, each in the order of {@code columns}. */
    default String insert(String schema, String table, List<String> columns, int rows) {
        return "INSERT INTO " + table(schema, table) + " (" + columnList(columns) + ") VALUES " + rows(columns.size(), rows);
    }

    /**
     * Insert a row, or, when a row with the same key exists, update the given non-key columns (the others keep their
     * values). Parameters in the order of {@code columns}. The table has {@code key} as its primary key.
     */
    default String upsert(String schema, String table, List<String> columns, List<String> key) {
        return upsert(schema, table, columns, key, 1);
    }

    /**
     * {@link #upsert(String, String, List, List)} of {@code rows} rows in one statement, set-based; parameters row by
     * row. The rows must have distinct keys: PostgreSQL refuses to update one row twice in a statement.
     */
    String upsert(String schema, String table, List<String> columns, List<String> key, int rows);

    /**
     * Whether many rows go in one statement (multi-row INSERT and upsert), which saves a server a statement per row;
     * else one row per statement, in JDBC batches.
     */
    default boolean multiRowStatements() {
        return true;
    }

    /** The database's own bulk path for a flush's rows, where it has one that beats statements (see {@link BulkRows}). */
    default Optional<BulkRows> bulkRows() {
        return Optional.empty();
    }

    /** Characters of text values one multi-row statement may carry at most (no bound by default). */
    default long maxStatementTextChars() {
        return Long.MAX_VALUE;
    }

    /**
     * Most bind parameters one statement may carry: the PostgreSQL protocol counts them in a signed 16-bit field as
     * pgjdbc sends them; MariaDB (65 535 server-side) and H2 take more, and one bound serves all three.
     */
    default int maxParameters() {
        return 32_767;
    }

    /**
     * Parameters: the stored schema name, then (if {@code oneTable}) the folded table name. Columns: table name,
     * column name, SQL type; ordered by table then column position; base tables only.
     */
    default String columnsQuery(boolean oneTable) {
        return "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS c"
                + " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.TABLE_SCHEMA = ?" + (oneTable ? " AND c.TABLE_NAME = ?" : "")
                + " AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
    }

    /** Parameter: the stored schema name. A row when the schema exists. */
    default String schemaQuery() {
        return "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?";
    }

    /** Binds a value the loader produced (see {@link TypeInference#coerce}), or NULL, for a column of {@code type}. */
    default void bind(PreparedStatement statement, int index, Object value, DataType type) throws SQLException {
        if (value == null) {
            statement.setNull(index, type.jdbcType());
        } else if (value instanceof JsonValue json) {
            bindJson(statement, index, json.json());
        } else {
            statement.setObject(index, value);
        }
    }

    /** Binds JSON text for a {@code json} column. */
    default void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setString(index, json);
    }

    /** Reads a TIMESTAMP column the loader made. */
    default OffsetDateTime timestamp(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class);
    }

    /** A value of any query as plain Java: text as String, the loader's timestamps as OffsetDateTime. */
    default Object value(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        return value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value;
    }

    default String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    /** {@code (?, ?), (?, ?)}: {@code rows} rows of {@code columns} parameters. */
    static String rows(int columns, int rows) {
        return String.join(", ", Collections.nCopies(rows, '(' + String.join(", ", Collections.nCopies(columns, "?")) + ')'));
    }
}
