package io.chatload.load;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one resource run's records into its table (and child tables) in batches. Thread-safe.
 * Each flush is one transaction holding the rows of every table plus the state entries added so far, so the state
 * never runs ahead of the data. A failed flush rolls back and leaves the writer failed: the run must be repeated
 * (its cursors did not advance, so a re-run loads the same data again).
 */
public final class BatchWriter {
    private final Database db;
    private final SchemaRegistry registry;
    private final RowWrites rowWrites;
    private final StateStore state;
    private final Flattener flattener;
    private final String schema;
    private final String table;
    private final List<String> keyColumns;
    private final List<String> keyFields;
    private final WriteDisposition disposition;
    private final String loadId;
    private final int batchSize;
    /** REPLACE writes here until {@link #complete()}: a crash mid-run leaves the live tables untouched. */
    private final String stagingSchema;

    /** Buffered records by root {@code _dlt_id}: for MERGE the id comes from the key, so a later record replaces an earlier one. */
    private final Map<String, FlatRecord> pending = new LinkedHashMap<>();
    private final List<StateEntry> pendingState = new ArrayList<>();
    private final Map<String, Long> rowsPerTable = new LinkedHashMap<>();
    private boolean stagingCleared;
    private boolean completed;
    private Exception failure;

    BatchWriter(Database db, SchemaRegistry registry, StateStore state, NamingConvention naming, TableTarget target,
                String loadId, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.db = db;
        this.registry = registry;
        this.rowWrites = new RowWrites(db.dialect());
        this.state = state;
        this.flattener = new Flattener(naming);
        this.schema = naming.identifier(target.schema());
        this.table = naming.identifier(target.table());
        this.keyFields = target.primaryKey();
        this.keyColumns = keyFields.stream().map(naming::identifier).toList();
        this.disposition = target.disposition();
        this.loadId = loadId;
        this.batchSize = batchSize;
        this.stagingSchema = naming.shorten(schema + "_staging");
    }

    /**
     * Buffers one parsed JSON object; flushes when {@code batchSize} root records are buffered.
     * @throws IllegalArgumentException naming the table and field when a primary key value is missing
     * @throws LoadException when the automatic flush fails
     */
    public synchronized void add(Map<String, Object> record) {
        Objects.requireNonNull(record, "record");
        checkUsable();
        FlatRecord flat = flattener.flatten(table, record, loadId, this::rootId);
        pending.remove(flat.rootId());
        pending.put(flat.rootId(), flat);
        if (pending.size() >= batchSize) {
            try {
                flush();
            } catch (SQLException e) {
                throw new LoadException("writing a batch to " + schema + "." + table + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Buffers a cursor; it commits with the rows buffered so far (for REPLACE: with the swap in {@link #complete()}). */
    public synchronized void addState(StateEntry entry) {
        Objects.requireNonNull(entry, "entry");
        checkUsable();
        pendingState.add(entry);
    }

    /** Writes the buffered rows and state in one transaction. */
    public synchronized void flush() throws SQLException {
        checkUsable();
        boolean stateNow = disposition != WriteDisposition.REPLACE && !pendingState.isEmpty();
        if (pending.isEmpty() && !stateNow) {
            return;
        }
        try {
            write(stateNow);
        } catch (SQLException | RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** Ends the run: flushes, and for REPLACE swaps the staged rows into the live tables in one transaction. */
    public synchronized void complete() throws SQLException {
        flush();
        if (disposition == WriteDisposition.REPLACE) {
            try {
                swap();
            } catch (SQLException | RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        completed = true;
    }

    /** Rows committed so far per table (root and child tables); for REPLACE, rows staged for the swap. */
    public synchronized Map<String, Long> rowsPerTable() {
        return new LinkedHashMap<>(rowsPerTable);
    }

    private void write(boolean withState) throws SQLException {
        registry.ensureSchema(schema, true);
        // every table and column first: DDL must not run inside the data transaction (H2 would commit it)
        List<SchemaRegistry.Prepared> prepared = prepareTables();
        Map<String, TableSchema> targets = writeTargets(prepared);
        boolean merge = disposition == WriteDisposition.MERGE;
        List<TableSchema> children = merge
                ? registry.family(schema, table).stream().filter(TableSchema::isChild).toList() : List.of();
        List<String> rootIds = new ArrayList<>(pending.keySet());
        String target = disposition == WriteDisposition.REPLACE ? stagingSchema : schema;
        Map<String, Long> written = db.inTransaction(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (TableSchema child : children) {
                rowWrites.deleteChildren(connection, schema, child, rootIds);
            }
            for (SchemaRegistry.Prepared p : prepared) {
                String name = p.table().name();
                int rows = merge && name.equals(table)
                        ? rowWrites.upsert(connection, target, targets.get(name), keyColumns, p.rows())
                        : rowWrites.insert(connection, target, targets.get(name), p.rows());
                counts.merge(name, (long) rows, Long::sum);
            }
            if (withState) {
                state.write(connection, schema, pendingState);
            }
            return counts;
        });
        written.forEach((name, rows) -> rowsPerTable.merge(name, rows, Long::sum));
        pending.clear();
        if (withState) {
            pendingState.clear();
        }
    }

    /** The buffered rows per table (root first), fitted to tables and columns that now exist. */
    private List<SchemaRegistry.Prepared> prepareTables() throws SQLException {
        Map<String, List<Map<String, Object>>> byTable = new LinkedHashMap<>();
        for (FlatRecord record : pending.values()) {
            for (FlatRow row : record.rows()) {
                byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.values());
            }
        }
        List<SchemaRegistry.Prepared> prepared = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> rows : byTable.entrySet()) {
            boolean keyed = disposition == WriteDisposition.MERGE && rows.getKey().equals(table);
            prepared.add(registry.prepare(schema, rows.getKey(), keyed ? keyColumns : List.of(), rows.getValue()));
        }
        return prepared;
    }

    /** The tables the rows go into: the live ones, or for REPLACE their staging copies. */
    private Map<String, TableSchema> writeTargets(List<SchemaRegistry.Prepared> prepared) throws SQLException {
        Map<String, TableSchema> targets = new LinkedHashMap<>();
        if (disposition == WriteDisposition.REPLACE) {
            clearStagingOnce();
        }
        for (SchemaRegistry.Prepared p : prepared) {
            TableSchema live = p.table();
            targets.put(live.name(), disposition == WriteDisposition.REPLACE ? registry.mirror(stagingSchema, live) : live);
        }
        return targets;
    }

    /** Empties the staging tables once per run: rows a crashed earlier run left there must not go live. */
    private void clearStagingOnce() throws SQLException {
        if (stagingCleared) {
            return;
        }
        registry.ensureSchema(stagingSchema, false);
        List<TableSchema> staged = registry.family(stagingSchema, table);
        db.inTransaction(connection -> {
            for (TableSchema t : staged) {
                rowWrites.deleteAll(connection, stagingSchema, t.name());
            }
            return null;
        });
        stagingCleared = true;
    }

    /** Live tables of the family lose all rows and get the staged ones, with the run's state, in one transaction. */
    private void swap() throws SQLException {
        registry.ensureSchema(schema, true);
        clearStagingOnce();
        List<TableSchema> live = registry.family(schema, table);
        List<TableSchema> staged = registry.family(stagingSchema, table);
        db.inTransaction(connection -> {
            for (TableSchema t : live) {
                rowWrites.deleteAll(connection, schema, t.name());
            }
            for (TableSchema from : staged) {
                for (TableSchema to : live) {
                    if (to.name().equals(from.name())) {
                        rowWrites.copyAll(connection, stagingSchema, from, schema, to);
                    }
                }
                rowWrites.deleteAll(connection, stagingSchema, from.name());
            }
            state.write(connection, schema, pendingState);
            return null;
        });
        pendingState.clear();
    }

    private String rootId(Map<String, Object> row) {
        String[] parts = new String[keyColumns.size() + 1];
        parts[0] = table;
        for (int i = 0; i < keyColumns.size(); i++) {
            Object value = row.get(keyColumns.get(i));
            if (value == null) {
                throw new IllegalArgumentException("table '" + table + "': a record has no value for primary key field '"
                        + keyFields.get(i) + "'");
            }
            parts[i + 1] = TypeInference.text(value);
        }
        return disposition == WriteDisposition.MERGE ? DltIds.digest(parts) : DltIds.random();
    }

    private void checkUsable() {
        if (failure != null) {
            throw new IllegalStateException("writer for " + schema + "." + table + " failed earlier and cannot go on: "
                    + failure.getMessage(), failure);
        }
        if (completed) {
            throw new IllegalStateException("writer for " + schema + "." + table + " is already complete");
        }
    }
}
