package io.chatload.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's bulk path, as fast loaders write: rows stream in with {@code COPY ... FROM STDIN} (pgjdbc's
 * CopyManager), which the server parses and stores without a statement, a plan or a parameter per value; a merge
 * copies its rows into a temporary staging table and then runs one set-based {@code INSERT ... SELECT ... ON
 * CONFLICT} into the target, as dlt merges from its staging dataset. Multi-row statements spent about half of a flush's
 * writing thread in the driver, binding and sending a parameter per value (bench/writepath.sh's profile).
 *
 * <p>A staging table is kept per session and per target and column shape ({@code ON COMMIT DELETE ROWS}): made once,
 * emptied by the commit that ends each flush, and never stale, since a table that gained a column has another shape
 * and so another staging table. Made afresh per merge ({@code ON COMMIT DROP}) it cost about half a millisecond more
 * per flush in catalog rows. Its columns have chatload's types, not the target's: the merge's {@code INSERT} then
 * converts each value to the target's column type as it converts a bound parameter of that type.
 */
final class PostgresCopy implements BulkRows {
    /**
     * Fewer rows go in multi-row statements instead: one round trip, where COPY takes two. Measured on PostgreSQL 15
     * over loopback (best of 200 flushes of a 13-column table): COPY gains nothing below about ten rows.
     */
    static final int MIN_ROWS = 10;
    /**
     * Fewer rows of a merge go in multi-row upserts instead: the staging table costs two round trips more than COPY,
     * and emptying it at commit. Measured as {@link #MIN_ROWS}: the statements win up to a few hundred rows.
     */
    static final int MIN_MERGE_ROWS = 400;
    /** Characters of COPY text sent at once: a few CopyData messages per flush, bounded memory for large values. */
    private static final int CHUNK_CHARS = 1 << 16;

    private final PostgresDialect dialect;

    PostgresCopy(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    /** Enough rows, a pgjdbc connection, and a transaction (the flush's, which the staging table's rows end with). */
    @Override
    public boolean takes(Connection connection, int rows, boolean merge) throws SQLException {
        return rows >= (merge ? MIN_MERGE_ROWS : MIN_ROWS) && !connection.getAutoCommit()
                && connection.isWrapperFor(PGConnection.class);
    }

    @Override
    public void insert(Connection connection, String schema, TableSchema table, List<String> columns,
                       List<Map<String, Object>> rows) throws SQLException {
        copy(connection, dialect.table(schema, table.name()), columns, rows);
    }

    @Override
    public void upsert(Connection connection, String schema, TableSchema table, List<String> columns, List<String> key,
                       List<Map<String, Object>> rows) throws SQLException {
        String target = dialect.table(schema, table.name());
        String staging = "pg_temp." + dialect.quoteExact(stagingName(target, table, columns));
        try (Statement statement = connection.createStatement()) {
            // one round trip: made once per session and shape, emptied in case this transaction used it already
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " (" + columns.stream()
                    .map(c -> dialect.quote(c) + ' ' + dialect.sqlType(table.columns().get(c)))
                    .collect(Collectors.joining(", ")) + ") ON COMMIT DELETE ROWS; DELETE FROM " + staging);
        }
        copy(connection, staging, columns, rows);
        String list = dialect.columnList(columns);
        try (Statement statement = connection.createStatement()) {
            // no ORDER BY or DISTINCT: the rows have distinct keys already (RowWrites#upsert keeps the last of each)
            statement.executeUpdate("INSERT INTO " + target + " (" + list + ") SELECT " + list + " FROM " + staging
                    + dialect.onConflict(columns, key));
        }
    }

    /** A name per target and column shape: a table that gained a column gets a new staging table, never a stale one. */
    private static String stagingName(String target, TableSchema table, List<String> columns) {
        StringBuilder shape = new StringBuilder(target);
        for (String column : columns) {
            shape.append('\0').append(column).append('\0').append(table.columns().get(column));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.toString().getBytes(StandardCharsets.UTF_8));
            return "chatload_staging_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void copy(Connection connection, String table, List<String> columns, List<Map<String, Object>> rows)
            throws SQLException {
        String sql = "COPY " + table + " (" + dialect.columnList(columns) + ") FROM STDIN";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder text = new StringBuilder(CHUNK_CHARS + 1024);
            for (Map<String, Object> row : rows) {
                CopyText.appendRow(text, row, columns);
                if (text.length() >= CHUNK_CHARS) {
                    send(copy, text); // at a row's end, so no surrogate pair is split
                }
            }
            send(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        if (!text.isEmpty()) {
            // UTF-8 (pgjdbc's client encoding), a lone surrogate as '?' as pgjdbc encodes a bound string
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }
}
