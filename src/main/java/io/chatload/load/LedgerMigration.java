package io.chatload.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Moves a schema written by chatload before it kept dlt's system tables to today's layout, at the schema's first use:
 * the old {@code _dlt_loads} (text status, every load) becomes the history {@code _chatload_loads}, and
 * {@code _dlt_loads} is made again in dlt's layout with a row (status 0) per completed load. Each step can run again:
 * rows are copied only where missing, so a migration cut short by a crash finishes at the next start.
 */
final class LedgerMigration implements SchemaRegistry.Upgrade {
    /** A column only the old {@code _dlt_loads} has. */
    private static final String OLD_COLUMN = "started_at";

    private final Database db;

    LedgerMigration(Database db) {
        this.db = db;
    }

    @Override
    public boolean apply(String schema, Map<String, TableSchema> tables) throws SQLException {
        TableSchema loads = tables.getOrDefault(DltSystemTables.LOADS, TableSchema.absent(DltSystemTables.LOADS));
        TableSchema history = tables.getOrDefault(LoadLedger.TABLE, TableSchema.absent(LoadLedger.TABLE));
        boolean old = loads.columns().containsKey(OLD_COLUMN);
        // no _dlt_loads beside a history: a migration stopped between dropping and filling it
        boolean unfilled = !loads.exists() && history.exists();
        if (!old && !unfilled) {
            return false;
        }
        Dialect dialect = db.dialect();
        if (old) {
            ddl(dialect.createTable(schema, LoadLedger.TABLE, LoadLedger.DEFINITION.columns(),
                    LoadLedger.DEFINITION.primaryKey(), Map.of()));
            copyHistory(dialect, schema);
            ddl(List.of("DROP TABLE " + dialect.table(schema, DltSystemTables.LOADS)));
        }
        ddl(dialect.createTable(schema, DltSystemTables.LOADS, DltSystemTables.LOADS_TABLE.columns(),
                DltSystemTables.LOADS_TABLE.primaryKey(), Map.of()));
        fillCompleted(dialect, schema);
        return true;
    }

    /** Every old row into the history, unless a run cut short copied it already. */
    private void copyHistory(Dialect dialect, String schema) throws SQLException {
        String columns = dialect.columnList(List.copyOf(LoadLedger.DEFINITION.columns().keySet()));
        String sql = "INSERT INTO " + dialect.table(schema, LoadLedger.TABLE) + " (" + columns + ") SELECT " + columns
                + " FROM " + dialect.table(schema, DltSystemTables.LOADS) + " o WHERE NOT EXISTS (SELECT 1 FROM "
                + dialect.table(schema, LoadLedger.TABLE) + " h WHERE h." + dialect.quote("load_id") + " = o."
                + dialect.quote("load_id") + ")";
        update(sql, null);
    }

    /** dlt's row for each completed load of the history; their schema version is unknown (NULL hash). */
    private void fillCompleted(Dialect dialect, String schema) throws SQLException {
        String loadId = dialect.quote("load_id");
        String sql = "INSERT INTO " + dialect.table(schema, DltSystemTables.LOADS) + " ("
                + dialect.columnList(List.of("load_id", "schema_name", "status", "inserted_at")) + ") SELECT h." + loadId
                + ", h." + dialect.quote("schema_name") + ", " + DltSystemTables.COMPLETED + ", COALESCE(h."
                + dialect.quote("finished_at") + ", h." + dialect.quote("inserted_at") + ") FROM "
                + dialect.table(schema, LoadLedger.TABLE) + " h WHERE h." + dialect.quote("status") + " = ? AND NOT EXISTS"
                + " (SELECT 1 FROM " + dialect.table(schema, DltSystemTables.LOADS) + " l WHERE l." + loadId + " = h."
                + loadId + ")";
        update(sql, LoadStatus.COMPLETED.name());
    }

    private void update(String sql, String parameter) throws SQLException {
        db.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    statement.setString(1, parameter);
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    private void ddl(List<String> statements) throws SQLException {
        db.changeSchema(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }
}
