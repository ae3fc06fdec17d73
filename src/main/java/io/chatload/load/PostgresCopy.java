package io.chatload.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>The staging table is made per merge and dropped by the commit that ends the flush ({@code ON COMMIT DROP}), so it
 * always has the columns of this write, and nothing of it outlives the transaction, committed or rolled back. Kept
 * per session with {@code ON COMMIT DELETE ROWS} instead, it saved a quarter millisecond per merge but made every
 * commit that touched one empty all of the session's staging tables: milliseconds per flush with twenty tables
 * merged. Its columns have chatload's types, not the target's: the merge's {@code INSERT} then converts each value
 * to the target's column type as it converts a bound parameter of that type.
 */
final class PostgresCopy implements BulkRows {
    /**
     * Fewer rows go in multi-row statements instead: one round trip, where COPY takes two. Measured on PostgreSQL 15
     * over loopback (best of 150 flushes of a 13-column table, on a loaded machine): about even up to ten rows, COPY
     * 15 % faster at 100 rows and 40 % at 800.
     */
    static final int MIN_ROWS = 10;
    /**
     * Fewer rows of a merge go in multi-row upserts instead: making and dropping the staging table and the two more
     * round trips cost about a millisecond, which the statements' binding only outweighs from about 500 rows
     * (measured as {@link #MIN_ROWS}: 100 rows 1.0 ms by statements, 1.9 ms through staging; 500 rows 5.0 and 4.9;
     * 1 000 rows 7.4 and 6.4).
     */
    static final int MIN_MERGE_ROWS = 500;
    /** Characters of COPY text sent at once: a few CopyData messages per flush, bounded memory for large values. */
    private static final int CHUNK_CHARS = 1 << 16;

    private final PostgresDialect dialect;
    /** Tells apart the staging tables of one transaction, which may merge into one table twice. */
    private final AtomicLong stagings = new AtomicLong();
    /** Whether the login may make temporary tables (a database can revoke TEMPORARY); asked once. */
    private volatile Boolean temporaryTables;

    PostgresCopy(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Enough rows, a pgjdbc connection, and a transaction (the flush's, which the staging table's rows end with); for
     * a merge, the right to make a temporary table, else the statements merge as before.
     */
    @Override
    public boolean takes(Connection connection, int rows, boolean merge) throws SQLException {
        return rows >= (merge ? MIN_MERGE_ROWS : MIN_ROWS) && !connection.getAutoCommit()
                && connection.isWrapperFor(PGConnection.class) && (!merge || mayMakeTemporaryTables(connection));
    }

    private boolean mayMakeTemporaryTables(Connection connection) throws SQLException {
        Boolean may = temporaryTables;
        if (may == null) {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT has_database_privilege(current_database(), 'TEMPORARY')")) {
                may = result.next() && result.getBoolean(1);
            }
            temporaryTables = may;
        }
        return may;
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
        String staging = "pg_temp." + dialect.quoteExact("chatload_staging_" + stagings.incrementAndGet());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + staging + " (" + columns.stream()
                    .map(c -> dialect.quote(c) + ' ' + dialect.sqlType(table.columns().get(c)))
                    .collect(Collectors.joining(", ")) + ") ON COMMIT DROP");
        }
        copy(connection, staging, columns, rows);
        String list = dialect.columnList(columns);
        try (Statement statement = connection.createStatement()) {
            // no ORDER BY or DISTINCT: the rows have distinct keys already (RowWrites#upsert keeps the last of each)
            statement.executeUpdate("INSERT INTO " + target + " (" + list + ") SELECT " + list + " FROM " + staging
                    + dialect.onConflict(columns, key));
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
