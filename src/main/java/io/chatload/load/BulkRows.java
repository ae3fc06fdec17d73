package io.chatload.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A database's own bulk path for a flush's rows (PostgreSQL's COPY), taken by {@link RowWrites} over its statements
 * where {@link #takes} says it pays. Same contract as those statements: inside the caller's transaction, every column
 * of {@code columns} written (absent values as NULL).
 */
interface BulkRows {
    /**
     * Whether this path writes {@code rows} rows on this connection, as an upsert if {@code merge}: it may not pay for
     * a few, or not be available.
     */
    boolean takes(Connection connection, int rows, boolean merge) throws SQLException;

    void insert(Connection connection, String schema, TableSchema table, List<String> columns,
                List<Map<String, Object>> rows) throws SQLException;

    /** As {@link RowWrites#upsert}; the rows have distinct keys. */
    void upsert(Connection connection, String schema, TableSchema table, List<String> columns, List<String> key,
                List<Map<String, Object>> rows) throws SQLException;
}
