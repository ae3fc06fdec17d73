package io.chatload.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Reads which tables and columns a schema has, with names given back as dlt names. */
final class Catalog {
    private final Database db;
    private final AtomicLong reads = new AtomicLong();

    Catalog(Database db) {
        this.db = db;
    }

    /** Queries of tables and columns made so far. */
    long reads() {
        return reads.get();
    }

    /** A table: its dlt name, its name as stored (for quoting it exactly), its columns in order. */
    record StoredTable(String name, String stored, List<ColumnInfo> columns) {
    }

    /** The tables of a schema, by dlt name; empty when the schema does not exist. */
    Map<String, StoredTable> tables(String schema) throws SQLException {
        return read(schema, null);
    }

    boolean schemaExists(String schema) throws SQLException {
        try (Connection connection = db.open();
             PreparedStatement statement = connection.prepareStatement(db.dialect().schemaQuery())) {
            statement.setString(1, db.dialect().storedSchema(schema));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The table's columns in order; empty when it does not exist. */
    List<ColumnInfo> columns(String schema, String table) throws SQLException {
        StoredTable found = read(schema, table).get(table);
        return found == null ? List.of() : found.columns();
    }

    private Map<String, StoredTable> read(String schema, String table) throws SQLException {
        reads.incrementAndGet();
        Dialect dialect = db.dialect();
        Map<String, StoredTable> tables = new LinkedHashMap<>();
        try (Connection connection = db.open();
             PreparedStatement statement = connection.prepareStatement(dialect.columnsQuery(table != null))) {
            statement.setString(1, dialect.storedSchema(schema));
            if (table != null) {
                statement.setString(2, dialect.stored(table));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String stored = rows.getString(1);
                    tables.computeIfAbsent(dialect.dltName(stored), t -> new StoredTable(t, stored, new ArrayList<>()))
                            .columns().add(new ColumnInfo(dialect.dltName(rows.getString(2)), rows.getString(3)));
                }
            }
        }
        return tables;
    }
}
