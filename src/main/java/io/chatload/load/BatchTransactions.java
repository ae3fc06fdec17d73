package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two transactions of a {@link LoadBatch}: a flush writes the rows of every buffered table with the state, a swap
 * puts every REPLACE table live with the state held for it. Tables and columns are made first, outside them: DDL must
 * not run inside a data transaction (H2 and MariaDB would commit it; PostgreSQL would hold its locks to the end).
 */
final class BatchTransactions {
    private final Database db;
    private final SchemaRegistry registry;
    private final RowWrites rowWrites;
    private final StateStore state;
    private final SchemaVersions versions;
    private final Staging staging;

    BatchTransactions(Database db, SchemaRegistry registry, StateStore state, SchemaVersions versions, NamingConvention naming) {
        this.db = db;
        this.registry = registry;
        this.rowWrites = new RowWrites(db.dialect());
        this.state = state;
        this.versions = versions;
        this.staging = new Staging(db, registry, rowWrites, naming);
    }

    /**
     * One table's buffered rows, fitted to tables that now exist.
     * @param into         the schema written: the live one, or for REPLACE its staging schema
     * @param staleChildren for MERGE, the child tables whose rows of the upserted roots are replaced
     * @param rows         root table first; each with the table (live or staging copy) it goes into
     */
    private record TableWrite(PendingTable table, String into, List<TableSchema> staleChildren,
                              List<PreparedRows> rows) {
    }

    /** What a flush wrote per table, and what the schema contracts left out per table. */
    record Flushed(Map<TableRef, Long> rows, Map<TableRef, ColumnResolver.Discards> discards) {
    }

    /**
     * Writes the tables' buffered rows and the state entries (by schema) in one transaction.
     * @throws SchemaContractException when a contract freezes a change the rows need: nothing is written
     */
    Flushed flush(List<PendingTable> tables, Map<String, List<StateEntry>> entries) throws SQLException {
        List<String> schemas = new ArrayList<>(entries.keySet());
        tables.forEach(table -> schemas.add(table.ref().schema()));
        // a table a user dropped since this process last wrote it is made again (see SchemaRegistry#retryingStale)
        return registry.retryingStale(schemas, () -> flushOnce(tables, entries));
    }

    private Flushed flushOnce(List<PendingTable> tables, Map<String, List<StateEntry>> entries) throws SQLException {
        ensureSchemas(tables.stream().map(table -> table.ref().schema()).toList());
        ensureSchemas(entries.keySet());
        List<TableWrite> writes = new ArrayList<>();
        Map<TableRef, ColumnResolver.Discards> discards = new LinkedHashMap<>();
        for (PendingTable table : tables) {
            writes.add(plan(table, discards));
        }
        // the tables as plan() left them, read before the transaction (see SchemaVersions#record)
        Map<String, List<TableSchema>> schemas = new LinkedHashMap<>();
        for (PendingTable table : tables) {
            String schema = table.ref().schema();
            if (!schemas.containsKey(schema)) {
                schemas.put(schema, registry.all(schema));
            }
        }
        Map<TableRef, Long> rows = db.inTransaction(connection -> {
            Map<TableRef, Long> counts = new LinkedHashMap<>();
            for (TableWrite write : writes) {
                write(connection, write, counts);
            }
            recordVersions(connection, tables, schemas);
            writeState(connection, entries);
            return counts;
        });
        return new Flushed(rows, discards);
    }

    /** Swaps the staged rows of the REPLACE tables into their live tables, with the state entries, in one transaction. */
    void swap(Collection<TableRef> roots, Map<String, List<StateEntry>> entries) throws SQLException {
        List<String> schemas = new ArrayList<>(entries.keySet());
        roots.forEach(root -> schemas.add(root.schema()));
        registry.retryingStale(schemas, () -> swapOnce(roots, entries));
    }

    private Void swapOnce(Collection<TableRef> roots, Map<String, List<StateEntry>> entries) throws SQLException {
        List<Staging.Family> families = staging.families(roots);
        ensureSchemas(entries.keySet());
        db.inTransaction(connection -> {
            staging.swap(connection, families);
            writeState(connection, entries);
            return null;
        });
        return null;
    }

    /**
     * Fits each table's rows under the contract, parents before children: a row the contract leaves out takes its
     * child rows with it, as dlt does not descend into a discarded row.
     */
    private TableWrite plan(PendingTable table, Map<TableRef, ColumnResolver.Discards> discards) throws SQLException {
        TableRef ref = table.ref();
        boolean merge = table.disposition() == WriteDisposition.MERGE;
        boolean replace = table.disposition() == WriteDisposition.REPLACE;
        Map<String, List<Map<String, Object>>> byTable = new LinkedHashMap<>();
        for (FlatRecord record : table.records()) {
            for (FlatRow row : record.rows()) {
                byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.values());
            }
        }
        List<PreparedRows> rows = new ArrayList<>();
        SchemaContract contract = table.contract();
        Set<String> dropped = new HashSet<>();
        // a parent's table comes before its children's: its rows come first in every record
        for (Map.Entry<String, List<Map<String, Object>>> tableRows : byTable.entrySet()) {
            String name = tableRows.getKey();
            List<Map<String, Object>> kept = new ArrayList<>(tableRows.getValue().size());
            for (Map<String, Object> row : tableRows.getValue()) {
                if (!dropped.isEmpty() && dropped.contains(row.get(Flattener.PARENT_ID))) { // mostly none: no lookup
                    dropped.add((String) row.get(Flattener.ID));
                } else {
                    kept.add(row);
                }
            }
            boolean keyed = merge && name.equals(ref.table());
            PreparedRows live = registry.prepare(ref.schema(), name, keyed ? table.keyColumns() : List.of(),
                    kept, contract, contract.knownTables().contains(name));
            dropped.addAll(live.droppedIds());
            if (live.discards().any()) {
                discards.merge(new TableRef(ref.schema(), name), live.discards(), ColumnResolver.Discards::plus);
            }
            if (!live.rows().isEmpty()) {
                rows.add(replace ? live.into(staging.table(ref, live.table())) : live);
            }
        }
        List<TableSchema> staleChildren = merge
                ? registry.family(ref.schema(), ref.table()).stream().filter(TableSchema::isChild).toList() : List.of();
        return new TableWrite(table, replace ? staging.schema(ref.schema()) : ref.schema(), staleChildren, rows);
    }

    private void write(Connection connection, TableWrite write, Map<TableRef, Long> counts) throws SQLException {
        TableRef ref = write.table().ref();
        boolean merge = write.table().disposition() == WriteDisposition.MERGE;
        PreparedRows roots = write.rows().stream().filter(p -> p.table().name().equals(ref.table())).findFirst().orElse(null);
        List<TableSchema> linkedChildren = write.staleChildren().stream()
                .filter(child -> child.columns().containsKey(Flattener.ROOT_ID)).toList();
        List<String> storedRoots = roots == null || linkedChildren.isEmpty() ? List.of()
                : rowWrites.storedRootIds(connection, ref.schema(), roots.table(), write.table().keyColumns(), roots.rows());
        if (!storedRoots.isEmpty()) {
            for (TableSchema child : linkedChildren) {
                rowWrites.deleteChildren(connection, ref.schema(), child, storedRoots);
            }
        }
        for (PreparedRows p : write.rows()) {
            String name = p.table().name();
            int rows = merge && name.equals(ref.table())
                    ? rowWrites.upsert(connection, write.into(), p.table(), write.table().keyColumns(), p.rows())
                    : rowWrites.insert(connection, write.into(), p.table(), p.rows());
            counts.merge(new TableRef(ref.schema(), name), (long) rows, Long::sum);
        }
    }

    private void ensureSchemas(Collection<String> schemas) throws SQLException {
        for (String schema : schemas) {
            registry.ensureSchema(schema, true);
        }
    }

    /** A new schema version, if these tables changed the schema, commits with their rows. */
    private void recordVersions(Connection connection, List<PendingTable> tables, Map<String, List<TableSchema>> schemas)
            throws SQLException {
        Map<String, Map<String, StoredSchema.TableHints>> hints = new LinkedHashMap<>();
        for (PendingTable table : tables) {
            hints.computeIfAbsent(table.ref().schema(), s -> new LinkedHashMap<>())
                    .put(table.ref().table(), new StoredSchema.TableHints(table.disposition(), table.keyColumns()));
        }
        for (Map.Entry<String, Map<String, StoredSchema.TableHints>> schema : hints.entrySet()) {
            versions.record(connection, schema.getKey(), schemas.get(schema.getKey()), schema.getValue(),
                    registry.naming(schema.getKey()));
        }
    }

    private void writeState(Connection connection, Map<String, List<StateEntry>> entries) throws SQLException {
        for (Map.Entry<String, List<StateEntry>> schema : entries.entrySet()) {
            state.write(connection, schema.getKey(), schema.getValue());
        }
    }
}
