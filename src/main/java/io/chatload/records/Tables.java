package io.chatload.records;

import io.chatload.load.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Connections to the destination, and what its catalog says about a table: whether it exists, its primary key. */
final class Tables {

    private Tables() {
    }

    /** A connection in auto-commit mode with the dialect's session settings, as the loader's own connections have. */
    static Connection open(DataSource dataSource, Dialect dialect) throws SQLException {
        return dialect.open(dataSource);
    }

    static boolean exists(Connection connection, Dialect dialect, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.columnsQuery(true))) {
            statement.setString(1, dialect.storedSchema(schema));
            statement.setString(2, dialect.stored(table));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * The table's primary key columns (dlt names, in key order); empty for an append table. chatload declares a
     * merge table's key as the primary key when it creates the table. MariaDB's schemas are catalogs to JDBC.
     */
    static List<String> primaryKey(Connection connection, Dialect dialect, String schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = dialect.storedSchema(schema);
        boolean schemaIsCatalog = dialect.name().equals("mariadb") || dialect.name().equals("mysql");
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet keys = meta.getPrimaryKeys(schemaIsCatalog ? stored : null, schemaIsCatalog ? null : stored,
                dialect.stored(table))) {
            while (keys.next()) {
                columns.put(keys.getShort("KEY_SEQ"), dialect.dltName(keys.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(columns.values());
    }
}
