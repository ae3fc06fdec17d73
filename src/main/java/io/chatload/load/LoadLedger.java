package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import io.chatload.text.PrintableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loads of a schema. chatload's history, {@code <schema>._chatload_loads}, has a row per load with its status
 * (RUNNING, COMPLETED, FAILED), times, rows per table and error; dlt's {@code _dlt_loads} gets a row (status 0) only
 * when a load completes, in the transaction that marks it COMPLETED, with the schema version and pipeline state then.
 */
public final class LoadLedger {
    static final String TABLE = "_chatload_loads";
    static final TableDefinition DEFINITION = new TableDefinition(TABLE, columns(), List.of("load_id"));
    private static final List<String> ALL = List.copyOf(DEFINITION.columns().keySet());

    private final Database db;
    private final SchemaRegistry registry;
    private final NamingConvention naming;
    private final SchemaVersions versions;
    private final Clock clock;

    LoadLedger(Database db, SchemaRegistry registry, NamingConvention naming, SchemaVersions versions, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.naming = naming;
        this.versions = versions;
        this.clock = clock;
    }

    /** Records the load as RUNNING (again, if it was recorded before). */
    public void started(String schema, String loadId) throws SQLException {
        String name = naming.normalizeTableIdentifier(schema);
        Dialect dialect = db.dialect();
        registry.retryingStale(List.of(name), () -> {
            registry.ensureSchema(name, true);
            OffsetDateTime now = now();
            return db.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(dialect.upsert(name, TABLE, ALL, List.of("load_id")))) {
                    bindRow(dialect, statement, loadId, name, LoadStatus.RUNNING, now, null, null, null);
                    statement.executeUpdate();
                }
                return null;
            });
        });
    }

    /** Records the outcome; {@code rowsPerTable} is the total of the whole load (all its resources). */
    public void finished(String schema, String loadId, LoadStatus status, Map<String, Long> rowsPerTable, String errorText)
            throws SQLException {
        String error = PrintableText.escape(errorText); // carries API text, which show and sql print
        String name = naming.normalizeTableIdentifier(schema);
        String counts = Json.write(rowsPerTable == null ? Map.of() : new LinkedHashMap<>(rowsPerTable));
        Dialect dialect = db.dialect();
        String update = "UPDATE " + dialect.table(name, TABLE) + " SET " + dialect.quote("status") + " = ?, "
                + dialect.quote("finished_at") + " = ?, " + dialect.quote("rows_per_table") + " = ?, "
                + dialect.quote("error") + " = ? WHERE " + dialect.quote("load_id") + " = ?";
        registry.retryingStale(List.of(name), () -> {
            registry.ensureSchema(name, true);
            OffsetDateTime now = now();
            List<TableSchema> tables = registry.all(name); // not from inside the transaction: see SchemaVersions#record
            return db.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    statement.setString(1, status.name());
                    dialect.bind(statement, 2, now, DataType.TIMESTAMP);
                    statement.setString(3, counts);
                    statement.setString(4, error);
                    statement.setString(5, loadId);
                    if (statement.executeUpdate() == 0) {
                        // finished without started: the load's start is unknown, so it counts as starting now
                        try (PreparedStatement insert = connection.prepareStatement(dialect.insert(name, TABLE, ALL))) {
                            bindRow(dialect, insert, loadId, name, status, now, now, counts, error);
                            insert.executeUpdate();
                        }
                    }
                }
                if (status == LoadStatus.COMPLETED) {
                    completed(connection, dialect, name, tables, loadId, now);
                }
                return null;
            });
        });
    }

    /** dlt's record of a completed load: its {@code _dlt_loads} row, the schema version it ends with, the pipeline state. */
    private void completed(Connection connection, Dialect dialect, String schema, List<TableSchema> tables, String loadId,
                           OffsetDateTime now) throws SQLException {
        String hash = versions.record(connection, schema, tables, Map.of(), registry.naming(schema));
        List<String> columns = List.copyOf(DltSystemTables.LOADS_TABLE.columns().keySet());
        try (PreparedStatement statement = connection.prepareStatement(
                dialect.upsert(schema, DltSystemTables.LOADS, columns, DltSystemTables.LOADS_TABLE.primaryKey()))) {
            statement.setString(1, loadId);
            statement.setString(2, schema);
            statement.setLong(3, DltSystemTables.COMPLETED);
            dialect.bind(statement, 4, now, DataType.TIMESTAMP);
            statement.setString(5, hash);
            statement.executeUpdate();
        }
        PipelineStateRow.write(connection, dialect, schema, loadId, now);
    }

    /** The latest loads of the schema, newest first; empty when the schema has none. */
    public List<LoadRecord> recent(String schema, int limit) throws SQLException {
        String name = naming.normalizeTableIdentifier(schema);
        if (registry.exists(name, DltSystemTables.LOADS)) {
            registry.ensureSchema(name, true); // a schema an older chatload wrote has its history moved first
        }
        if (limit <= 0 || !registry.exists(name, TABLE)) {
            return List.of();
        }
        Dialect dialect = db.dialect();
        String sql = "SELECT " + dialect.columnList(List.of("load_id", "schema_name", "status", "started_at", "finished_at",
                "rows_per_table", "error")) + " FROM " + dialect.table(name, TABLE) + " ORDER BY "
                + dialect.quote("started_at") + " DESC, " + dialect.quote("load_id") + " DESC";
        return db.inTransaction(connection -> {
            List<LoadRecord> loads = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setMaxRows(limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        loads.add(new LoadRecord(rows.getString(1), rows.getString(2), LoadStatus.valueOf(rows.getString(3)),
                                instant(dialect, rows, 4), instant(dialect, rows, 5), Json.readCounts(rows.getString(6)),
                                rows.getString(7)));
                    }
                }
            }
            return loads;
        });
    }

    /** Binds a whole row in the order of {@link #ALL}. */
    private static void bindRow(Dialect dialect, PreparedStatement statement, String loadId, String schema,
                                LoadStatus status, OffsetDateTime startedAt, OffsetDateTime finishedAt, String counts,
                                String error) throws SQLException {
        statement.setString(1, loadId);
        statement.setString(2, schema);
        statement.setString(3, status.name());
        dialect.bind(statement, 4, startedAt, DataType.TIMESTAMP);
        dialect.bind(statement, 5, startedAt, DataType.TIMESTAMP);
        dialect.bind(statement, 6, finishedAt, DataType.TIMESTAMP);
        statement.setString(7, counts);
        statement.setString(8, error);
    }

    static Instant instant(Dialect dialect, ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = dialect.timestamp(rows, column);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Map<String, DataType> columns() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("load_id", DataType.TEXT);
        columns.put("schema_name", DataType.TEXT);
        columns.put("status", DataType.TEXT);
        columns.put("inserted_at", DataType.TIMESTAMP);
        columns.put("started_at", DataType.TIMESTAMP);
        columns.put("finished_at", DataType.TIMESTAMP);
        columns.put("rows_per_table", DataType.TEXT);
        columns.put("error", DataType.TEXT);
        return columns;
    }
}
