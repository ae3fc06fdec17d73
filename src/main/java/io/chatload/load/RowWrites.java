package io.chatload.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The row statements of a flush, run inside the caller's transaction; values are always bound parameters. */
final class RowWrites {
    /** Rows per executeBatch call: bounds driver memory for large flushes. */
    private static final int CHUNK = 1000;

    private final Dialect dialect;

    RowWrites(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Inserts rows with every column of the table (absent values as NULL). */
    int insert(Connection connection, String schema, TableSchema table, List<Map<String, Object>> rows) throws SQLException {
        List<String> columns = new ArrayList<>(table.columns().keySet());
        return write(connection, dialect.insert(schema, table.name(), columns), table, columns, rows);
    }

    /** Upserts whole rows: a row whose key exists is overwritten in every column, so it equals the newest record. */
    int upsert(Connection connection, String schema, TableSchema table, List<String> key, List<Map<String, Object>> rows)
            throws SQLException {
        List<String> columns = new ArrayList<>(table.columns().keySet());
        return write(connection, dialect.upsert(schema, table.name(), columns, key), table, columns, rows);
    }

    /**
     * Deletes the rows of a child table that belong to the stored root rows with the keys of {@code roots}, found by
     * key rather than by the new rows' ids, as dlt's merge does: a stored root row may carry an id made another way.
     */
    void deleteChildren(Connection connection, String schema, TableSchema child, TableSchema root, List<String> key,
                        List<Map<String, Object>> roots) throws SQLException {
        String match = key.stream().map(column -> "r." + dialect.quote(column) + " = ?").collect(Collectors.joining(" AND "));
        String sql = "DELETE FROM " + dialect.table(schema, child.name()) + " WHERE " + dialect.quote(Flattener.ROOT_ID)
                + " IN (SELECT r." + dialect.quote(Flattener.ID) + " FROM " + dialect.table(schema, root.name()) + " r WHERE "
                + match + ')';
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Map<String, Object> row : roots) {
                for (int i = 0; i < key.size(); i++) {
                    dialect.bind(statement, i + 1, row.get(key.get(i)), root.columns().get(key.get(i)));
                }
                statement.addBatch();
                if (++pending == CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
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

    private int write(Connection connection, String sql, TableSchema table, List<String> columns,
                      List<Map<String, Object>> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    dialect.bind(statement, i + 1, row.get(columns.get(i)), table.columns().get(columns.get(i)));
                }
                statement.addBatch();
                if (++pending == CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
        return rows.size();
    }
}
