package io.chatload.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The row statements of a flush, run inside the caller's transaction; values are never part of the SQL: bound
 * parameters, or the data of the database's own bulk path where it has one ({@link Dialect#bulkRows}, PostgreSQL's
 * COPY). Rows go in bulk: each statement carries many rows (a multi-row {@code INSERT}, a set-based upsert, one
 * {@code DELETE} for many keys), as many as {@link Dialect#maxParameters} and {@link #MAX_ROWS} allow, since per-row
 * statements cost the database a statement each (most of a flush's time, measured by {@code bench/writepath.sh}).
 */
final class RowWrites {
    /** Rows per statement at most: past a few hundred, longer SQL text buys nothing. */
    static final int MAX_ROWS = 250;
    /** Rows per executeBatch call where rows go one per statement: bounds driver memory for large flushes. */
    private static final int BATCH = 1000;

    private final Dialect dialect;
    private final BulkRows bulk;

    RowWrites(Dialect dialect) {
        this(dialect, dialect.bulkRows());
    }

    /** With {@code bulk} instead of the dialect's: none, to write by statements alone. */
    RowWrites(Dialect dialect, Optional<BulkRows> bulk) {
        this.dialect = dialect;
        this.bulk = bulk.orElse(null);
    }

    /** Inserts rows with every column of the table (absent values as NULL). */
    int insert(Connection connection, String schema, TableSchema table, List<Map<String, Object>> rows) throws SQLException {
        List<String> columns = new ArrayList<>(table.columns().keySet());
        if (bulk != null && bulk.takes(connection, rows.size(), false)) {
            bulk.insert(connection, schema, table, columns, rows);
        } else {
            write(connection, n -> dialect.insert(schema, table.name(), columns, n), table, columns, rows);
        }
        return rows.size();
    }

    /**
     * Upserts whole rows: a row whose key exists is overwritten in every column, so it equals the newest record. Of
     * rows with one key the last is written (a statement may not update one row twice).
     */
    int upsert(Connection connection, String schema, TableSchema table, List<String> key, List<Map<String, Object>> rows)
            throws SQLException {
        List<String> columns = new ArrayList<>(table.columns().keySet());
        Map<List<Object>, Map<String, Object>> lastPerKey = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            lastPerKey.put(keyOf(row, key), row);
        }
        List<Map<String, Object>> distinct = new ArrayList<>(lastPerKey.values());
        if (bulk != null && bulk.takes(connection, distinct.size(), true)) {
            bulk.upsert(connection, schema, table, columns, key, distinct);
        } else {
            write(connection, n -> dialect.upsert(schema, table.name(), columns, key, n), table, columns, distinct);
        }
        return rows.size();
    }

    /**
     * The {@code _dlt_id}s of the stored root rows with the keys of {@code roots}, whose child rows a merge replaces.
     * Found by key rather than by the new rows' ids, as dlt's merge does: a stored root row may carry an id made
     * another way.
     */
    List<String> storedRootIds(Connection connection, String schema, TableSchema root, List<String> key,
                               List<Map<String, Object>> roots) throws SQLException {
        String prefix = "SELECT r." + dialect.quote(Flattener.ID) + " FROM " + dialect.table(schema, root.name()) + " r WHERE ";
        DataType[] types = key.stream().map(root.columns()::get).toArray(DataType[]::new);
        int perStatement = Math.max(1, Math.min(MAX_ROWS, dialect.maxParameters() / key.size()));
        List<String> ids = new ArrayList<>();
        try (Statements statements = new Statements(connection, n -> prefix + keyMatch(key, n))) {
            for (int from = 0; from < roots.size(); from += perStatement) {
                try (ResultSet found = statements.query(roots, from, Math.min(roots.size(), from + perStatement), key, types)) {
                    while (found.next()) {
                        ids.add(found.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** Deletes the rows of a child table that belong to the root rows with these ids. */
    void deleteChildren(Connection connection, String schema, TableSchema child, List<String> rootIds) throws SQLException {
        String prefix = "DELETE FROM " + dialect.table(schema, child.name()) + " WHERE " + dialect.quote(Flattener.ROOT_ID) + " IN (";
        List<Map<String, Object>> rows = rootIds.stream().map(id -> Map.<String, Object>of(Flattener.ROOT_ID, id)).toList();
        List<String> column = List.of(Flattener.ROOT_ID);
        DataType[] types = {DataType.TEXT};
        int perStatement = Math.min(MAX_ROWS, dialect.maxParameters());
        try (Statements statements = new Statements(connection, n -> prefix + String.join(", ", Collections.nCopies(n, "?")) + ')')) {
            for (int from = 0; from < rows.size(); from += perStatement) {
                statements.execute(rows, from, Math.min(rows.size(), from + perStatement), column, types);
            }
        }
    }

    void deleteAll(Connection connection, String schema, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + dialect.table(schema, table));
        }
    }

    /** Copies every row of {@code from} into {@code to}, column by column (the columns of {@code from} that {@code to} has). */
    void copyAll(Connection connection, String fromSchema, TableSchema from, String toSchema, TableSchema to)
            throws SQLException {
        List<String> columns = from.columns().keySet().stream().filter(to.columns()::containsKey).toList();
        String list = dialect.columnList(columns);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + dialect.table(toSchema, to.name()) + " (" + list + ") SELECT " + list
                    + " FROM " + dialect.table(fromSchema, from.name()));
        }
    }

    /** Writes the rows in statements of as many rows as the limits allow; {@code sql} gives the statement for n rows. */
    private void write(Connection connection, IntFunction<String> sql, TableSchema table, List<String> columns,
                       List<Map<String, Object>> rows) throws SQLException {
        DataType[] types = columns.stream().map(table.columns()::get).toArray(DataType[]::new);
        int perStatement = Math.max(1, Math.min(MAX_ROWS, dialect.maxParameters() / Math.max(1, columns.size())));
        if (!dialect.multiRowStatements()) {
            writeBatched(connection, sql.apply(1), columns, types, rows);
            return;
        }
        long maxText = dialect.maxStatementTextChars();
        try (Statements statements = new Statements(connection, sql)) {
            int from = 0;
            while (from < rows.size()) {
                int to = maxText == Long.MAX_VALUE ? Math.min(rows.size(), from + perStatement)
                        : endWithin(rows, from, perStatement, maxText);
                statements.execute(rows, from, to, columns, types);
                from = to;
            }
        }
    }

    /** One row per statement, in JDBC batches of {@link #BATCH} rows. */
    private void writeBatched(Connection connection, String sql, List<String> columns, DataType[] types,
                              List<Map<String, Object>> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < types.length; i++) {
                    dialect.bind(statement, i + 1, row.get(columns.get(i)), types[i]);
                }
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /**
     * {@code r.k IN (?, ...)}, or {@code (r.k1, r.k2) IN ((?, ?), ...)} for a key of several columns: a row value IN
     * list is looked up in the primary key's index by H2, PostgreSQL and MariaDB, where a long OR of ANDs makes H2
     * scan the table.
     */
    private String keyMatch(List<String> key, int rows) {
        if (key.size() == 1) {
            return "r." + dialect.quote(key.get(0)) + " IN (" + String.join(", ", Collections.nCopies(rows, "?")) + ')';
        }
        return '(' + key.stream().map(column -> "r." + dialect.quote(column)).collect(Collectors.joining(", ")) + ") IN ("
                + Dialect.rows(key.size(), rows) + ')';
    }

    private static List<Object> keyOf(Map<String, Object> row, List<String> key) {
        List<Object> values = new ArrayList<>(key.size());
        for (String column : key) {
            values.add(row.get(column));
        }
        return values;
    }

    /** Where a statement from row {@code from} ends: past its first row, within both bounds. */
    private static int endWithin(List<Map<String, Object>> rows, int from, int perStatement, long maxText) {
        int to = from + 1;
        long text = textChars(rows.get(from));
        while (to < rows.size() && to - from < perStatement) {
            text += textChars(rows.get(to));
            if (text > maxText) {
                break;
            }
            to++;
        }
        return to;
    }

    private static long textChars(Map<String, Object> row) {
        long chars = 0;
        for (Object value : row.values()) {
            if (value instanceof CharSequence text) {
                chars += text.length();
            } else if (value instanceof JsonValue json) {
                chars += json.json().length();
            }
        }
        return chars;
    }

    /** The statements of one write, one per row count (the full size and the last, shorter one), closed together. */
    private final class Statements implements AutoCloseable {
        private final Connection connection;
        private final IntFunction<String> sql;
        private final Map<Integer, PreparedStatement> byRows = new HashMap<>();

        Statements(Connection connection, IntFunction<String> sql) {
            this.connection = connection;
            this.sql = sql;
        }

        /** Binds the given columns of rows {@code from} (inclusive) to {@code to} (exclusive) and runs one statement. */
        void execute(List<Map<String, Object>> rows, int from, int to, List<String> columns, DataType[] types)
                throws SQLException {
            bound(rows, from, to, columns, types).executeUpdate();
        }

        /** As {@link #execute}, for a query. */
        ResultSet query(List<Map<String, Object>> rows, int from, int to, List<String> columns, DataType[] types)
                throws SQLException {
            return bound(rows, from, to, columns, types).executeQuery();
        }

        private PreparedStatement bound(List<Map<String, Object>> rows, int from, int to, List<String> columns,
                                        DataType[] types) throws SQLException {
            PreparedStatement statement = byRows.get(to - from);
            if (statement == null) {
                statement = connection.prepareStatement(sql.apply(to - from));
                byRows.put(to - from, statement);
            }
            int index = 1;
            for (int r = from; r < to; r++) {
                Map<String, Object> row = rows.get(r);
                for (int i = 0; i < types.length; i++) {
                    dialect.bind(statement, index++, row.get(columns.get(i)), types[i]);
                }
            }
            return statement;
        }

        @Override
        public void close() throws SQLException {
            SQLException failure = null;
            for (PreparedStatement statement : byRows.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
