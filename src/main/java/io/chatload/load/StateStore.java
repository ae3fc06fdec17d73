package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.sql.Connection;
import io.chatload.text.PrintableText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table {@code <schema>._chatload_state}, keyed by (resource, parent_key): cursors, written by
 * {@link LoadBatch} in the same transaction as the rows they cover, and each resource's last outcome.
 */
public final class StateStore {
    static final String TABLE = "_chatload_state";
    static final TableDefinition DEFINITION = new TableDefinition(TABLE, columns(), List.of("resource", "parent_key"));
    private static final List<String> KEY = DEFINITION.primaryKey();

    private final Database db;
    private final SchemaRegistry registry;
    private final NamingConvention naming;
    private final Clock clock;

    StateStore(Database db, SchemaRegistry registry, NamingConvention naming, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.naming = naming;
        this.clock = clock;
    }

    /** The stored cursor of a resource ({@code parentKey} "" for the resource itself), if any. */
    public Optional<String> cursor(String schema, String resource, String parentKey) throws SQLException {
        String name = naming.normalizeTableIdentifier(schema);
        Dialect dialect = db.dialect();
        String sql = "SELECT " + dialect.quote("cursor_value") + " FROM " + dialect.table(name, TABLE) + " WHERE "
                + dialect.quote("resource") + " = ? AND " + dialect.quote("parent_key") + " = ?";
        return registry.retryingStale(List.of(name), () -> !registry.exists(name, TABLE) ? Optional.<String>empty()
                : db.inTransaction(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setString(1, resource);
                        statement.setString(2, parentKey == null ? "" : parentKey);
                        try (ResultSet rows = statement.executeQuery()) {
                            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
                        }
                    }
                }));
    }

    /**
     * The per-parent cursors of a resource, parent key → cursor, read in one query: at a run's start they tell which
     * parents changed since. The resource's own cursor (parent key "") is not among them.
     */
    public Map<String, String> cursors(String schema, String resource) throws SQLException {
        return cursors(schema, resource, false);
    }

    /**
     * Every cursor of a resource, parent key → cursor, its own under parent key "", in one query: what a run of it
     * needs at its start.
     */
    public Map<String, String> allCursors(String schema, String resource) throws SQLException {
        return cursors(schema, resource, true);
    }

    private Map<String, String> cursors(String schema, String resource, boolean withOwn) throws SQLException {
        String name = naming.normalizeTableIdentifier(schema);
        Dialect dialect = db.dialect();
        String parentKey = dialect.quote("parent_key");
        String cursor = dialect.quote("cursor_value");
        String sql = "SELECT " + parentKey + ", " + cursor + " FROM " + dialect.table(name, TABLE) + " WHERE "
                + dialect.quote("resource") + " = ? AND " + (withOwn ? "" : parentKey + " <> '' AND ") + cursor
                + " IS NOT NULL ORDER BY " + parentKey;
        return registry.retryingStale(List.of(name), () -> !registry.exists(name, TABLE) ? new LinkedHashMap<>()
                : db.inTransaction(connection -> {
                    Map<String, String> cursors = new LinkedHashMap<>();
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setString(1, resource);
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                cursors.put(rows.getString(1), rows.getString(2));
                            }
                        }
                    }
                    return cursors;
                }));
    }

    /** Records the end of a resource run: last_load_id, and last_success_at or last_error_at with last_error. */
    public void recordOutcome(String schema, String resource, String loadId, boolean success, String error)
            throws SQLException {
        recordOutcomes(schema, loadId, List.of(new Outcome(resource, success, error)));
    }

    /** How a resource's run (or all its runs in one load) ended: {@code error} is the line a failure leaves. */
    public record Outcome(String resource, boolean success, String error) {
    }

    /** Records the ends of several resource runs of one load, in one transaction (see {@link #recordOutcome}). */
    public void recordOutcomes(String schema, String loadId, List<Outcome> outcomes) throws SQLException {
        String name = naming.normalizeTableIdentifier(schema);
        OffsetDateTime now = now();
        Dialect dialect = db.dialect();
        String succeeded = dialect.upsert(name, TABLE, List.of("resource", "parent_key", "last_load_id", "last_success_at",
                "updated_at"), KEY);
        String failed = dialect.upsert(name, TABLE, List.of("resource", "parent_key", "last_load_id", "last_error_at",
                "last_error", "updated_at"), KEY);
        registry.retryingStale(List.of(name), () -> {
            registry.ensureSchema(name, true);
            return db.inTransaction(connection -> {
                try (PreparedStatement success = connection.prepareStatement(succeeded);
                     PreparedStatement failure = connection.prepareStatement(failed)) {
                    for (Outcome outcome : outcomes) {
                        PreparedStatement statement = outcome.success() ? success : failure;
                        int i = 1;
                        statement.setString(i++, outcome.resource());
                        statement.setString(i++, "");
                        statement.setString(i++, loadId);
                        dialect.bind(statement, i++, now, DataType.TIMESTAMP);
                        if (!outcome.success()) {
                            statement.setString(i++, PrintableText.escape(outcome.error())); // API text: shown by show and sql
                        }
                        dialect.bind(statement, i, now, DataType.TIMESTAMP);
                        statement.executeUpdate();
                    }
                }
                return null;
            });
        });
    }

    /** One entry per resource: its own cursor and outcome, and how many per-parent cursors it has. */
    public List<ResourceState> all(String schema) throws SQLException {
        String name = naming.normalizeTableIdentifier(schema);
        if (!registry.exists(name, TABLE)) {
            return List.of();
        }
        Dialect dialect = db.dialect();
        String table = dialect.table(name, TABLE);
        String resource = dialect.quote("resource");
        String parentKey = dialect.quote("parent_key");
        String sql = "SELECT r." + resource + ", s." + dialect.quote("cursor_value")
                + ", (SELECT COUNT(*) FROM " + table + " p WHERE p." + resource + " = r." + resource + " AND p." + parentKey + " <> '')"
                + ", s." + dialect.quote("last_load_id") + ", s." + dialect.quote("last_success_at")
                + ", s." + dialect.quote("last_error_at") + ", s." + dialect.quote("last_error")
                + " FROM (SELECT DISTINCT " + resource + " FROM " + table + ") r LEFT JOIN " + table + " s ON s." + resource
                + " = r." + resource + " AND s." + parentKey + " = '' ORDER BY r." + resource;
        return db.inTransaction(connection -> {
            List<ResourceState> states = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.add(new ResourceState(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                            LoadLedger.instant(dialect, rows, 5), LoadLedger.instant(dialect, rows, 6), rows.getString(7)));
                }
            }
            return states;
        });
    }

    /** Upserts cursors inside the caller's transaction (the one writing the rows they cover); the last entry per key wins. */
    void write(Connection connection, String schema, Collection<StateEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Map<List<String>, StateEntry> latest = new LinkedHashMap<>();
        for (StateEntry entry : entries) {
            latest.put(List.of(entry.resource(), entry.parentKey()), entry);
        }
        OffsetDateTime now = now();
        List<String> columns = List.of("resource", "parent_key", "cursor_value", "updated_at");
        Dialect dialect = db.dialect();
        try (PreparedStatement statement = connection.prepareStatement(dialect.upsert(schema, TABLE, columns, KEY))) {
            for (StateEntry entry : latest.values()) {
                statement.setString(1, entry.resource());
                statement.setString(2, entry.parentKey());
                statement.setString(3, entry.cursor());
                dialect.bind(statement, 4, now, DataType.TIMESTAMP);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Map<String, DataType> columns() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("resource", DataType.TEXT);
        columns.put("parent_key", DataType.TEXT);
        columns.put("cursor_value", DataType.TEXT);
        columns.put("last_load_id", DataType.TEXT);
        columns.put("last_success_at", DataType.TIMESTAMP);
        columns.put("last_error_at", DataType.TIMESTAMP);
        columns.put("last_error", DataType.TEXT);
        columns.put("updated_at", DataType.TIMESTAMP);
        return columns;
    }
}
