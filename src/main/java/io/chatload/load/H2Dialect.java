package io.chatload.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.h2.engine.Session;
import org.h2.jdbc.JdbcConnection;

/**
 * H2 2.x: {@code MERGE INTO ... KEY (...)} for upserts; identifiers in the case the database folds unquoted ones to,
 * lower case on chatload's URLs ({@code DATABASE_TO_LOWER=TRUE}, see {@link DatabaseUrl}), upper case, H2's own
 * default, where a URL asks for it.
 */
public final class H2Dialect implements Dialect {
    /** H2 waits only 2 s for a table lock by default; a column added while another writer commits a batch needs longer. */
    private static final int LOCK_TIMEOUT_MILLIS = 60_000;
    /**
     * Keywords that are common column names (dlt's own {@code value} among them): as non-keywords, plain SQL such as
     * {@code SELECT value FROM t} works on our connections; {@code MERGE ... KEY}, {@code EXTRACT(YEAR ...)} still do.
     */
    private static final String NON_KEYWORDS = "VALUE, KEY, YEAR, MONTH, DAY, HOUR, MINUTE, SECOND";

    private final String schemaPrefix;
    private final boolean lowerCase;
    /** The sessions {@link #configureSession} has set up; forgotten with the session. Guarded by itself. */
    private final Map<Session, Boolean> configured = new WeakHashMap<>();

    /** H2's default case: unquoted identifiers fold to upper case. */
    public H2Dialect() {
        this("", false);
    }

    public H2Dialect(String schemaPrefix, boolean lowerCase) {
        this.schemaPrefix = schemaPrefix;
        this.lowerCase = lowerCase;
    }

    /**
     * The dialect for the database as it was opened: H2 takes the identifier case from the URL of the connection that
     * opened the database and ignores it on later ones, so it is read back rather than assumed.
     */
    static H2Dialect forConnection(Connection connection, String schemaPrefix) throws SQLException {
        return new H2Dialect(schemaPrefix, !connection.getMetaData().storesUpperCaseIdentifiers());
    }

    boolean lowerCase() {
        return lowerCase;
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String schemaPrefix() {
        return schemaPrefix;
    }

    @Override
    public int maxIdentifierLength() {
        return 256;
    }

    @Override
    public String fold(String identifier) {
        return lowerCase ? identifier.toLowerCase(Locale.ROOT) : identifier.toUpperCase(Locale.ROOT);
    }

    @Override
    public String sqlType(DataType type) {
        return switch (type) {
            case TEXT -> "CHARACTER VARYING";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOL -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case DECIMAL -> "NUMERIC(38, 0)";
            case JSON -> "JSON";
        };
    }

    @Override
    public DataType dataType(String sqlType) {
        return switch (sqlType.toUpperCase(Locale.ROOT)) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT" -> DataType.BIGINT;
            case "DOUBLE PRECISION", "REAL", "DECFLOAT" -> DataType.DOUBLE;
            case "BOOLEAN" -> DataType.BOOL;
            case "TIMESTAMP WITH TIME ZONE" -> DataType.TIMESTAMP;
            case "NUMERIC" -> DataType.DECIMAL;
            case "JSON" -> DataType.JSON;
            default -> DataType.TEXT;
        };
    }

    /** Lower-case folding makes H2 report type names in lower case too; they are read and shown as H2 names them. */
    @Override
    public String columnsQuery(boolean oneTable) {
        return Dialect.super.columnsQuery(oneTable).replace("c.DATA_TYPE FROM", "UPPER(c.DATA_TYPE) FROM");
    }

    /**
     * Once per H2 session: the pool hands out new handles on the same sessions, which keep their settings, and each
     * transaction used to run both statements again (1 % of the writing thread's time in bench/writepath.sh).
     */
    @Override
    public void configureSession(Connection connection) throws SQLException {
        Session session = connection.isWrapperFor(JdbcConnection.class)
                ? connection.unwrap(JdbcConnection.class).getSession() : null;
        synchronized (configured) {
            if (session != null && configured.containsKey(session)) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS);
            statement.execute("SET NON_KEYWORDS " + NON_KEYWORDS);
        }
        if (session != null) {
            synchronized (configured) {
                configured.put(session, Boolean.TRUE);
            }
        }
    }

    /**
     * H2 takes a parenthesised list, without IF NOT EXISTS; the statement fails as a whole when another process added
     * one of the columns meanwhile, which the registry notices by re-reading, then adds the rest.
     */
    @Override
    public String addColumns(String schema, String table, Map<String, DataType> columns) {
        return "ALTER TABLE " + table(schema, table) + " ADD COLUMN (" + columns.entrySet().stream()
                .map(c -> quote(c.getKey()) + ' ' + sqlType(c.getValue())).collect(Collectors.joining(", ")) + ')';
    }

    /** As UTF-8 bytes: H2 parses bytes as JSON text, while it would store a string as one JSON string value. */
    @Override
    public void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setBytes(index, json.getBytes(StandardCharsets.UTF_8));
    }

    /** H2 gives a JSON value as its UTF-8 bytes: the text instead. */
    @Override
    public Object value(ResultSet rows, int column) throws SQLException {
        if ("JSON".equalsIgnoreCase(rows.getMetaData().getColumnTypeName(column))) {
            byte[] json = rows.getBytes(column);
            return json == null ? null : new String(json, StandardCharsets.UTF_8);
        }
        return Dialect.super.value(rows, column);
    }

    /**
     * Embedded, H2 has no round trip to save, and it spends more CPU on a 250-row statement than on 250 batched rows
     * (bench/writepath.sh, the writing thread's CPU time: 2.96 / 3.13 s against 2.53 / 2.81 s).
     */
    @Override
    public boolean multiRowStatements() {
        return false;
    }

    /** H2's MERGE updates exactly the listed columns of a matching row, else inserts; row by row of its VALUES. */
    @Override
    public String upsert(String schema, String table, List<String> columns, List<String> key, int rows) {
        return "MERGE INTO " + table(schema, table) + " (" + columnList(columns) + ") KEY (" + columnList(key)
                + ") VALUES " + Dialect.rows(columns.size(), rows);
    }
}
