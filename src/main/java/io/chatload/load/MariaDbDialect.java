package io.chatload.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MariaDB (10.5+, tested on 10.11), also reached through {@code jdbc:mysql:} URLs. A schema is a database here:
 * {@code CREATE DATABASE}. Identifiers are lower case (table names are case-sensitive on Linux, so the folded form is
 * what unquoted user SQL must use anyway), quoted with backticks, at most 64 characters.
 *
 * <p>Types: the closest to dlt's (its sqlalchemy destination on MySQL): {@code BIGINT}, {@code DOUBLE},
 * {@code BOOLEAN}, {@code DECIMAL}, {@code JSON} (on MariaDB a {@code LONGTEXT} with a {@code json_valid} check, told
 * apart by that check); text is {@code LONGTEXT} (sqlalchemy's {@code TEXT} holds only 64 KB), except primary-key columns, which must be indexable: {@code VARCHAR(255)}, so that
 * up to three text key columns fit InnoDB's 3072-byte key limit in utf8mb4. Timestamps are {@code DATETIME(6)} holding
 * UTC, as MariaDB has no type with a zone: instants are converted to UTC on write and read back as UTC. Tables use
 * InnoDB (transactions) and a binary, no-pad collation, so keys and ids compare exactly as on H2 and PostgreSQL ('a',
 * 'A' and 'a ' are three keys). Upsert is {@code INSERT ... ON DUPLICATE KEY UPDATE}.
 */
public final class MariaDbDialect implements Dialect {
    /** Run once on every new connection: UTC for NOW() next to our UTC DATETIMEs; errors, not silent truncation. */
    static final String SESSION_SETUP = "SET SESSION time_zone = '+00:00',"
            + " sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')";
    private static final String KEY_TEXT = "VARCHAR(255)";
    /** Characters of a text column an index covers; dlt ids have 14. */
    private static final int INDEX_PREFIX = 64;
    /** Preferred first: exact and no-pad on MariaDB, then on MySQL 8; utf8mb4_bin (pads) is the fallback. */
    private static final List<String> COLLATIONS = List.of("utf8mb4_nopad_bin", "utf8mb4_0900_bin");

    private final String schemaPrefix;
    private final String collation;
    /** MariaDB rather than MySQL: JSON is LONGTEXT with a check, known by information_schema.CHECK_CONSTRAINTS. */
    private final boolean mariaDb;

    public MariaDbDialect(String schemaPrefix, String collation) {
        this(schemaPrefix, collation, true);
    }

    MariaDbDialect(String schemaPrefix, String collation, boolean mariaDb) {
        this.schemaPrefix = schemaPrefix;
        this.collation = collation;
        this.mariaDb = mariaDb;
    }

    /** The dialect for the server behind {@code connection}: its best binary collation. */
    static MariaDbDialect forServer(Connection connection, String schemaPrefix) throws SQLException {
        List<String> present = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COLLATION_NAME FROM INFORMATION_SCHEMA.COLLATIONS"
                     + " WHERE COLLATION_NAME IN ('" + String.join("', '", COLLATIONS) + "')")) {
            while (rows.next()) {
                present.add(rows.getString(1));
            }
        }
        String collation = COLLATIONS.stream().filter(present::contains).findFirst().orElse("utf8mb4_bin");
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        return new MariaDbDialect(schemaPrefix, collation, mariaDb);
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String schemaPrefix() {
        return schemaPrefix;
    }

    String collation() {
        return collation;
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public String fold(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    @Override
    public String quoteExact(String stored) {
        return '`' + stored.replace("`", "``") + '`';
    }

    @Override
    public String sqlType(DataType type) {
        return switch (type) {
            case TEXT -> "LONGTEXT";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOL -> "BOOLEAN";
            case TIMESTAMP -> "DATETIME(6)";
            case DECIMAL -> "DECIMAL(38, 0)";
            case JSON -> "JSON";
        };
    }

    /**
     * Types as {@link #columnsQuery} names them: information_schema's DATA_TYPE, "boolean" for TINYINT(1) and "json"
     * for MariaDB's checked LONGTEXT.
     */
    @Override
    public DataType dataType(String sqlType) {
        return switch (sqlType.toLowerCase(Locale.ROOT)) {
            case "bigint", "int", "mediumint", "smallint", "tinyint" -> DataType.BIGINT;
            case "double", "float" -> DataType.DOUBLE;
            case "boolean" -> DataType.BOOL;
            case "datetime", "timestamp" -> DataType.TIMESTAMP;
            case "decimal" -> DataType.DECIMAL;
            case "json" -> DataType.JSON;
            default -> DataType.TEXT;
        };
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + quoteSchema(schema) + " CHARACTER SET utf8mb4 COLLATE " + collation;
    }

    /** One statement, indexes inline: MySQL has no CREATE INDEX IF NOT EXISTS. */
    @Override
    public List<String> createTable(String schema, String table, Map<String, DataType> columns, List<String> primaryKey,
                                    Map<String, String> indexes) {
        List<String> parts = new ArrayList<>();
        columns.forEach((column, type) -> parts.add(quote(column) + ' '
                + (type == DataType.TEXT && primaryKey.contains(column) ? KEY_TEXT : sqlType(type)) + Dialect.notNull(column)));
        if (!primaryKey.isEmpty()) {
            parts.add("PRIMARY KEY (" + columnList(primaryKey) + ')');
        }
        indexes.forEach((index, column) -> parts.add("INDEX " + quote(index) + " (" + quote(column)
                + (columns.get(column) == DataType.TEXT ? "(" + INDEX_PREFIX + ")" : "") + ')'));
        return List.of("CREATE TABLE IF NOT EXISTS " + table(schema, table) + " (" + String.join(", ", parts)
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + collation);
    }

    /**
     * A comma list of {@code ADD COLUMN}, without IF NOT EXISTS (MySQL lacks it): the statement fails as a whole when
     * another process added one of the columns meanwhile, which the registry notices by re-reading, then adds the rest.
     */
    @Override
    public String addColumns(String schema, String table, Map<String, DataType> columns) {
        return "ALTER TABLE " + table(schema, table) + columns.entrySet().stream()
                .map(c -> " ADD COLUMN " + quote(c.getKey()) + ' ' + sqlType(c.getValue()))
                .collect(Collectors.joining(","));
    }

    @Override
    public String fullTypeColumn() {
        return "COLUMN_TYPE";
    }

    /** MODIFY repeats the type; one statement per table, as InnoDB rebuilds the table for it. */
    @Override
    public List<String> setNotNull(String schema, String table, Map<String, String> types) {
        return types.isEmpty() ? List.of() : List.of("ALTER TABLE " + table(schema, table) + types.entrySet().stream()
                .map(c -> " MODIFY COLUMN " + quote(c.getKey()) + ' ' + c.getValue() + " NOT NULL").collect(Collectors.joining(",")));
    }

    @Override
    public String upsert(String schema, String table, List<String> columns, List<String> key, int rows) {
        List<String> updated = columns.stream().filter(c -> !key.contains(c)).toList();
        String assignments = updated.isEmpty() ? quote(key.get(0)) + " = " + quote(key.get(0))
                : updated.stream().map(c -> quote(c) + " = VALUES(" + quote(c) + ')').collect(Collectors.joining(", "));
        return insert(schema, table, columns, rows) + " ON DUPLICATE KEY UPDATE " + assignments;
    }

    /**
     * The driver sends a statement with its values in one packet, which the server refuses past
     * {@code max_allowed_packet} (16 MB by default): 2 M characters stay under it even at 4 UTF-8 bytes each.
     */
    @Override
    public long maxStatementTextChars() {
        return 2_000_000;
    }

    /**
     * The JSON check is joined, not looked up in a correlated subquery: the server then reads CHECK_CONSTRAINTS for the
     * schema asked for only, where the subquery made it read every schema's tables for each row (a schema's columns:
     * 0.33-0.41 s against 0.01-0.02 s on MariaDB 10.11 with 16 schemas; one table's: 30 ms against 9 ms). A column has at
     * most one such check: its name is the column's.
     */
    @Override
    public String columnsQuery(boolean oneTable) {
        String json = !mariaDb ? "" : " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS k ON c.DATA_TYPE = 'longtext'"
                + " AND k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.COLUMN_NAME"
                + " AND k.CHECK_CLAUSE = CONCAT('json_valid(`', c.COLUMN_NAME, '`)')";
        return "SELECT c.TABLE_NAME, c.COLUMN_NAME,"
                + " CASE WHEN c.COLUMN_TYPE LIKE 'tinyint(1)%' THEN 'boolean'"
                + (mariaDb ? " WHEN k.CONSTRAINT_NAME IS NOT NULL THEN 'json'" : "") + " ELSE c.DATA_TYPE END"
                + " FROM INFORMATION_SCHEMA.COLUMNS c"
                + " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME" + json
                + " WHERE c.TABLE_SCHEMA = ?" + (oneTable ? " AND c.TABLE_NAME = ?" : "")
                + " AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
    }

    /** The driver would shift an OffsetDateTime into the JVM's zone: a UTC LocalDateTime is stored as it is. */
    @Override
    public void bind(PreparedStatement statement, int index, Object value, DataType type) throws SQLException {
        if (value instanceof OffsetDateTime instant) {
            statement.setObject(index, utc(instant));
        } else if (value == null && type == DataType.TIMESTAMP) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            Dialect.super.bind(statement, index, value, type);
        }
    }

    @Override
    public OffsetDateTime timestamp(ResultSet rows, int column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    /** DATETIME columns hold UTC by this dialect's convention. */
    @Override
    public Object value(ResultSet rows, int column) throws SQLException {
        if ("DATETIME".equalsIgnoreCase(rows.getMetaData().getColumnTypeName(column))) {
            return timestamp(rows, column);
        }
        return Dialect.super.value(rows, column);
    }

    private static LocalDateTime utc(OffsetDateTime instant) {
        return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
