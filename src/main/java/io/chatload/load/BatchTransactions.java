package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final Staging staging;

    BatchTransactions(Database db, SchemaRegistry registry, StateStore state, NamingConvention naming) {
        this.db = db;
        this.registry = registry;
        this.rowWrites = new RowWrites(db.dialect());
        this.state = state;
        this.staging = new Staging(db, registry, rowWrites, naming);
    }

    /**
     * One table's buffered rows, fitted to tables that now exist.
     * @param into         the schema written: the live one, or for REPLACE its staging schema
     * @param staleChildren for MERGE, the child tables whose rows of the upserted roots are replaced
     * @param rows         root table first; each with the table (live or staging copy) it goes into
     */
    private record TableWrite(PendingTable table, String into, List<TableSchema> staleChildren, List<String> rootIds,
                              List<SchemaRegistry.Prepared> rows) {
    }

    /** Writes the tables' buffered rows and the state entries (by schema) in one transaction; gives rows per table. */
    Map<TableRef, Long> flush(List<PendingTable> tables, Map<String, List<StateEntry>> entries) throws SQLException {
        ensureSchemas(tables.stream().map(table -> table.ref().schema()).toList());
        ensureSchemas(entries.keySet());
        List<TableWrite> writes = new ArrayList<>();
        for (PendingTable table : tables) {
            writes.add(plan(table));
        }
        return db.inTransaction(connection -> {
            Map<TableRef, Long> counts = new LinkedHashMap<>();
            for (TableWrite write : writes) {
                write(connection, write, counts);
            }
            writeState(connection, entries);
            return counts;
        });
    }

    /** Swaps the staged rows of the REPLACE tables into their live tables, with the state entries, in one transaction. */
    void swap(Collection<TableRef> roots, Map<String, List<StateEntry>> entries) throws SQLException {
        List<Staging.Family> families = staging.families(roots);
        ensureSchemas(entries.keySet());
        db.inTransaction(connection -> {
            staging.swap(connection, families);
            writeState(connection, entries);
            return null;
        });
    }

    private TableWrite plan(PendingTable table) throws SQLException {
        TableRef ref = table.ref();
        boolean merge = table.disposition() == WriteDisposition.MERGE;
        boolean replace = table.disposition() == WriteDisposition.REPLACE;
        Map<String, List<Map<String, Object>>> byTable = new LinkedHashMap<>();
        List<String> rootIds = new ArrayList<>();
        for (FlatRecord record : table.records()) {
            rootIds.add(record.rootId());
            for (FlatRow row : record.rows()) {
                byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.values());
            }
        }
        List<SchemaRegistry.Prepared> rows = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> tableRows : byTable.entrySet()) {
            boolean keyed = merge && tableRows.getKey().equals(ref.table());
            SchemaRegistry.Prepared live = registry.prepare(ref.schema(), tableRows.getKey(),
                    keyed ? table.keyColumns() : List.of(), tableRows.getValue());
            rows.add(replace ? new SchemaRegistry.Prepared(staging.table(ref, live.table()), live.rows()) : live);
        }
        List<TableSchema> staleChildren = merge
                ? registry.family(ref.schema(), ref.table()).stream().filter(TableSchema::isChild).toList() : List.of();
        return new TableWrite(table, replace ? staging.schema(ref.schema()) : ref.schema(), staleChildren, rootIds, rows);
    }

    private void write(Connection connection, TableWrite write, Map<TableRef, Long> counts) throws SQLException {
        TableRef ref = write.table().ref();
        boolean merge = write.table().disposition() == WriteDisposition.MERGE;
        for (TableSchema child : write.staleChildren()) {
            rowWrites.deleteChildren(connection, ref.schema(), child, write.rootIds());
        }
        for (SchemaRegistry.Prepared p : write.rows()) {
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

    private void writeState(Connection connection, Map<String, List<StateEntry>> entries) throws SQLException {
        for (Map.Entry<String, List<StateEntry>> schema : entries.entrySet()) {
            state.write(connection, schema.getKey(), schema.getValue());
        }
    }
}
