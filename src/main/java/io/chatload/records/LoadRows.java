package io.chatload.records;

import io.chatload.load.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The rows of one root table that a load wrote (their {@code _dlt_load_id}), a page at a time in {@code _dlt_id}
 * order. Each page is read on a connection of its own that is closed before its records are processed, so a slow
 * route holds no connection and no transaction open on the destination.
 */
final class LoadRows {
    static final String LOAD_ID = "_dlt_load_id";
    static final String DLT_ID = "_dlt_id";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final RecordsTable table;
    private final int pageSize;

    LoadRows(DataSource dataSource, Dialect dialect, RecordsTable table, int pageSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.pageSize = pageSize;
    }

    /** The table's shape as it is now: absent (no load has written it yet), or its primary key. */
    record Shape(boolean exists, List<String> primaryKey) {
    }

    Shape shape() throws SQLException {
        try (Connection connection = Tables.open(dataSource, dialect)) {
            if (!Tables.exists(connection, dialect, table.schema(), table.table())) {
                return new Shape(false, List.of());
            }
            return new Shape(true, Tables.primaryKey(connection, dialect, table.schema(), table.table()));
        }
    }

    /**
     * Up to a page of the load's rows after {@code afterDltId} ("" for the first page), as column name → value
     * ({@link PlainValues}).
     */
    List<Map<String, Object>> page(String loadId, String afterDltId) throws SQLException {
        String sql = "SELECT * FROM " + dialect.table(table.schema(), table.table()) + " WHERE " + dialect.quote(LOAD_ID)
                + " = ? AND " + dialect.quote(DLT_ID) + " > ? ORDER BY " + dialect.quote(DLT_ID);
        try (Connection connection = Tables.open(dataSource, dialect);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(pageSize);
            statement.setString(1, loadId);
            statement.setString(2, afterDltId);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(dialect.dltName(meta.getColumnLabel(i)));
                }
                List<Map<String, Object>> page = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.put(columns.get(i - 1), PlainValues.plain(dialect.value(rows, i)));
                    }
                    page.add(row);
                }
                return page;
            }
        }
    }

    int pageSize() {
        return pageSize;
    }
}
