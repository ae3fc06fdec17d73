package io.chatload.load;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The writes of one resource tree within one load (a parent resource and the child resources it fans out to), across
 * tables and schemas. Thread-safe. Records are buffered per table, shared by all targets naming that table, so the
 * last record added for a key wins whichever target added it. Each flush is one transaction holding the rows of every
 * table plus the state entries added so far, so state never runs ahead of the rows it covers. A failed flush rolls
 * back and leaves the batch failed: the run must be repeated (its cursors did not advance, so a re-run loads the same
 * data again).
 *
 * <p>REPLACE tables are written to a staging copy and go live together at {@link #complete()}, in one transaction.
 * State added once the batch uses a REPLACE target may cover staged rows, so it is held for that transaction; state
 * added before commits at the next flush.
 */
public final class LoadBatch {
    private final NamingConvention naming;
    private final Flattener flattener;
    private final BatchTransactions transactions;
    private final String loadId;
    private final int batchSize;

    /** Every table this batch has used, in first-use order; their buffers empty at each flush. */
    private final Map<TableRef, PendingTable> tables = new LinkedHashMap<>();
    /** State by normalised schema, for the next flush or for the swap in {@link #complete()}. */
    private final Map<String, List<StateEntry>> flushState = new LinkedHashMap<>();
    private final Map<String, List<StateEntry>> swapState = new LinkedHashMap<>();
    private final Map<TableRef, Long> rowsPerTable = new LinkedHashMap<>();
    private boolean completed;
    private Exception failure;

    LoadBatch(Database db, SchemaRegistry registry, StateStore state, NamingConvention naming, String loadId, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.naming = naming;
        this.flattener = new Flattener(naming);
        this.transactions = new BatchTransactions(db, registry, state, naming);
        this.loadId = loadId;
        this.batchSize = batchSize;
    }

    /**
     * Declares a target this batch writes even if no record comes for it: a REPLACE target then still empties its
     * tables at {@link #complete()}. {@link #add} declares its target too.
     * @throws IllegalArgumentException when the target writes a table of this batch with another disposition or key
     */
    public synchronized void use(TableTarget target) {
        Objects.requireNonNull(target, "target");
        checkUsable();
        table(target);
    }

    /**
     * Buffers one parsed JSON object for the target's table; flushes when the buffered root records of all tables
     * reach {@code batchSize}.
     * @throws IllegalArgumentException naming the table and field when a primary key value is missing (only this
     *         record is refused), or as {@link #use}
     * @throws LoadException when the automatic flush fails
     */
    public synchronized void add(TableTarget target, Map<String, Object> record) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(record, "record");
        checkUsable();
        PendingTable table = table(target);
        table.put(flattener.flatten(table.ref().table(), record, loadId, row -> table.rootId(row, target.primaryKey())));
        if (tables.values().stream().mapToInt(PendingTable::size).sum() >= batchSize) {
            String buffered = bufferedTables();
            try {
                flush();
            } catch (SQLException e) {
                throw new LoadException("writing a batch to " + buffered + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Buffers a cursor of {@code schema}; it commits with everything buffered before it: at the next flush, or, once
     * this batch uses a REPLACE target, in the swap of {@link #complete()}.
     */
    public synchronized void addState(String schema, StateEntry entry) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(entry, "entry");
        checkUsable();
        boolean replaces = tables.values().stream().anyMatch(t -> t.disposition() == WriteDisposition.REPLACE);
        (replaces ? swapState : flushState).computeIfAbsent(naming.identifier(schema), s -> new ArrayList<>()).add(entry);
    }

    /** Writes the buffered rows of every table, and the state due at a flush, in one transaction. */
    public synchronized void flush() throws SQLException {
        checkUsable();
        List<PendingTable> buffered = tables.values().stream().filter(t -> t.size() > 0).toList();
        if (buffered.isEmpty() && flushState.isEmpty()) {
            return;
        }
        Map<TableRef, Long> written;
        try {
            written = transactions.flush(buffered, flushState);
        } catch (SQLException | RuntimeException e) {
            failure = e;
            throw e;
        }
        written.forEach((table, rows) -> rowsPerTable.merge(table, rows, Long::sum));
        buffered.forEach(PendingTable::clear);
        flushState.clear();
    }

    /** Ends the batch: flushes, then swaps every REPLACE table used into its live tables, with its state, in one transaction. */
    public synchronized void complete() throws SQLException {
        flush();
        List<TableRef> replaced = tables.values().stream()
                .filter(t -> t.disposition() == WriteDisposition.REPLACE).map(PendingTable::ref).toList();
        if (!replaced.isEmpty()) {
            try {
                transactions.swap(replaced, swapState);
            } catch (SQLException | RuntimeException e) {
                failure = e;
                throw e;
            }
            swapState.clear();
        }
        completed = true;
    }

    /** Rows committed so far per table (root and child tables) of {@code schema}; for REPLACE, rows staged for the swap. */
    public synchronized Map<String, Long> rowsPerTable(String schema) {
        String name = naming.identifier(Objects.requireNonNull(schema, "schema"));
        Map<String, Long> rows = new LinkedHashMap<>();
        rowsPerTable.forEach((table, count) -> {
            if (table.schema().equals(name)) {
                rows.put(table.table(), count);
            }
        });
        return rows;
    }

    /** The buffer of the target's table, made on first use; targets naming one table must write it the same way. */
    private PendingTable table(TableTarget target) {
        TableRef ref = new TableRef(naming.identifier(target.schema()), naming.identifier(target.table()));
        List<String> key = target.primaryKey().stream().map(naming::identifier).toList();
        PendingTable table = tables.get(ref);
        if (table == null) {
            table = new PendingTable(ref, key, target.disposition());
            tables.put(ref, table);
        } else {
            table.checkSameWrites(key, target.disposition());
        }
        return table;
    }

    private String bufferedTables() {
        return tables.values().stream().filter(t -> t.size() > 0).map(t -> t.ref().toString())
                .collect(Collectors.joining(", "));
    }

    private void checkUsable() {
        if (failure != null) {
            throw new IllegalStateException("the batch of load " + loadId + " failed earlier and cannot go on: "
                    + failure.getMessage(), failure);
        }
        if (completed) {
            throw new IllegalStateException("the batch of load " + loadId + " is already complete");
        }
    }
}
