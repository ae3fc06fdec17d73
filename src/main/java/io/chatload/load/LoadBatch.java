package io.chatload.load;

import io.chatload.load.naming.Naming;
import io.chatload.load.naming.NamingConvention;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The writes of one resource tree within one load (a parent resource and the child resources it fans out to), across
 * tables and schemas. Thread-safe. Records are buffered per table, shared by all targets naming that table, so the
 * last record added for a key wins whichever target added it. Each flush is one transaction holding the rows of every
 * table plus the state entries added so far, so state never runs ahead of the rows it covers. A failed flush rolls
 * back and leaves the batch failed: the run must be repeated (its cursors did not advance, so a re-run loads the same
 * data again).
 *
 * <p>Writers do not wait for each other's flushes: a flush takes the buffers (rows and state) as they are, under a
 * short lock, and writes them outside it while new records fill fresh buffers. Flushes are written one at a time, in
 * the order they took their buffers, since state taken later may cover rows taken earlier; after a failed flush, none
 * taken later is written. The thread whose record fills the batch (or that calls {@link #flush}) returns once its
 * flush has committed.
 *
 * <p>REPLACE tables are written to a staging copy and go live together at {@link #complete()}, in one transaction.
 * State added once the batch uses a REPLACE target may cover staged rows, so it is held for that transaction; state
 * added before commits at the next flush.
 */
public final class LoadBatch {
    /** Names schemas; each target's tables and columns are named by the convention it asks for. */
    private final NamingConvention naming;
    private final Map<Naming, NamingConvention> conventions;
    private final Map<Naming, Flattener> flatteners = new EnumMap<>(Naming.class);
    private final SchemaRegistry registry;
    private final BatchTransactions transactions;
    private final String loadId;
    private final int batchSize;

    // guarded by this (held only to buffer, to take buffers and to count, never while writing):
    /** Every table this batch has used, in first-use order; a flush takes their buffered records. */
    private final Map<TableRef, PendingTable> tables = new LinkedHashMap<>();
    /**
     * Each target's buffer once found: a target comes with every record, and naming its table, checking it against
     * the table's other targets and hashing the reference would cost each record what it cost the first.
     */
    private final Map<TableTarget, PendingTable> byTarget = new HashMap<>();
    /** Root records buffered in all tables, as {@link #take()} finds them. */
    private int buffered;
    /** State by normalised schema, for the next flush or for the swap in {@link #complete()}. */
    private final Map<String, List<StateEntry>> flushState = new LinkedHashMap<>();
    private final Map<String, List<StateEntry>> swapState = new LinkedHashMap<>();
    private final Map<TableRef, Long> rowsPerTable = new LinkedHashMap<>();
    private final Map<TableRef, ColumnResolver.Discards> discarded = new LinkedHashMap<>();
    /** Flushes taken and not written yet, oldest first; their numbers follow {@link #written} without gaps. */
    private final Deque<Flush> taken = new ArrayDeque<>();
    private long lastTaken;
    private long written;
    private boolean closed;
    private Exception failure;
    private String failedTables;

    /** Held while a flush or the swap is written: one at a time, in order. */
    private final ReentrantLock writing = new ReentrantLock();

    /** The buffers one flush took: rows of each table and the state due with them. */
    private record Flush(long number, List<PendingTable> tables, Map<String, List<StateEntry>> state) {
        String tableNames() {
            return tables.stream().map(t -> t.ref().toString()).collect(Collectors.joining(", "));
        }
    }

    LoadBatch(Database db, SchemaRegistry registry, StateStore state, SchemaVersions versions,
              Map<Naming, NamingConvention> conventions, String loadId, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.conventions = Map.copyOf(conventions);
        this.naming = conventions.get(Naming.SNAKE_CASE);
        conventions.forEach((name, convention) -> flatteners.put(name, new Flattener(convention)));
        this.registry = registry;
        this.transactions = new BatchTransactions(db, registry, state, versions, naming);
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
     * reach {@code batchSize}, and then returns once that flush has committed. Other threads go on adding meanwhile.
     * @throws IllegalArgumentException naming the table and field when a primary key value is missing (only this
     *         record is refused), or as {@link #use}
     * @throws LoadException when the automatic flush fails
     */
    public void add(TableTarget target, Map<String, Object> record) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(record, "record");
        PendingTable table;
        synchronized (this) {
            checkUsable();
            table = table(target);
        }
        // outside the lock: flattening reads only the record and the table's fixed layout
        FlatRecord flat = flatteners.get(target.naming()).flatten(table.ref().table(), record, loadId,
                row -> table.rootId(row, target.primaryKey()), table.contract().maxTableNesting(), table.rootKey(), table::isJson);
        long flush;
        synchronized (this) {
            checkUsable();
            if (table.put(flat)) {
                buffered++;
            }
            if (buffered < batchSize) {
                return;
            }
            flush = take();
        }
        try {
            writeThrough(flush);
        } catch (SQLException e) {
            throw new LoadException("writing a batch to " + failedTables() + " failed: " + e.getMessage(), e);
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
        (replaces ? swapState : flushState).computeIfAbsent(naming.normalizeTableIdentifier(schema), s -> new ArrayList<>()).add(entry);
    }

    /**
     * Writes the buffered rows of every table, and the state due at a flush, in one transaction; returns once they
     * and every flush before them have committed.
     */
    public void flush() throws SQLException {
        long flush;
        synchronized (this) {
            checkUsable();
            flush = take();
        }
        writeThrough(flush);
    }

    /** Ends the batch: flushes, then swaps every REPLACE table used into its live tables, with its state, in one transaction. */
    public void complete() throws SQLException {
        long flush;
        synchronized (this) {
            checkUsable();
            flush = take();
            closed = true; // what comes after this last flush would be lost: refused instead
        }
        writing.lock();
        try {
            writeThrough(flush);
            List<TableRef> replaced;
            Map<String, List<StateEntry>> swap;
            synchronized (this) {
                replaced = tables.values().stream()
                        .filter(t -> t.disposition() == WriteDisposition.REPLACE).map(PendingTable::ref).toList();
                swap = new LinkedHashMap<>(swapState);
            }
            if (!replaced.isEmpty()) {
                try {
                    transactions.swap(replaced, swap);
                } catch (SQLException | RuntimeException e) {
                    failed(e, replaced.stream().map(TableRef::toString).collect(Collectors.joining(", ")));
                    throw e;
                }
            }
            synchronized (this) {
                swapState.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    /** Rows committed so far per table (root and child tables) of {@code schema}; for REPLACE, rows staged for the swap. */
    public synchronized Map<String, Long> rowsPerTable(String schema) {
        String name = naming.normalizeTableIdentifier(Objects.requireNonNull(schema, "schema"));
        Map<String, Long> rows = new LinkedHashMap<>();
        rowsPerTable.forEach((table, count) -> {
            if (table.schema().equals(name)) {
                rows.put(table.table(), count);
            }
        });
        return rows;
    }

    /**
     * One line per table of which the schema contract left rows or values out in the flushes committed so far, e.g.
     * {@code table chaport_data.visitors: the schema contract left out 2 rows, 0 values (first: columns=discard_row,
     * column 'x')}; empty when it left nothing out.
     */
    public synchronized List<String> contractNotes() {
        List<String> notes = new ArrayList<>();
        discarded.forEach((table, d) -> notes.add("table " + table + ": the schema contract left out " + d.rows()
                + (d.rows() == 1 ? " row, " : " rows, ") + d.values() + (d.values() == 1 ? " value" : " values")
                + " (first: " + d.example() + ")"));
        return notes;
    }

    /**
     * Takes the buffered rows and the state due at a flush, leaving the buffers empty; gives the number of the flush
     * that holds them, or of the last one taken when nothing was buffered. Caller holds this.
     */
    private long take() {
        List<PendingTable> drained = tables.values().stream().filter(t -> t.size() > 0).map(PendingTable::drain).toList();
        buffered = 0;
        if (drained.isEmpty() && flushState.isEmpty()) {
            return lastTaken;
        }
        Map<String, List<StateEntry>> state = new LinkedHashMap<>(flushState);
        flushState.clear();
        taken.add(new Flush(++lastTaken, drained, state));
        return lastTaken;
    }

    /** Writes the flushes taken, oldest first, until flush {@code upTo} has committed (or one failed). */
    private void writeThrough(long upTo) throws SQLException {
        writing.lock();
        try {
            while (true) {
                Flush next;
                synchronized (this) {
                    if (written >= upTo) {
                        return;
                    }
                    if (failure != null) {
                        throw failedEarlier(); // the flush holding this caller's buffers will never be written
                    }
                    next = taken.poll();
                }
                BatchTransactions.Flushed flushed;
                try {
                    flushed = transactions.flush(next.tables(), next.state());
                } catch (SQLException | RuntimeException e) {
                    failed(e, next.tableNames());
                    throw e;
                } catch (Error e) {
                    // the flush is gone from the queue: the batch must not go on as if it had committed
                    failed(new IllegalStateException(e.toString(), e), next.tableNames());
                    throw e;
                }
                synchronized (this) {
                    flushed.rows().forEach((table, rows) -> rowsPerTable.merge(table, rows, Long::sum));
                    flushed.discards().forEach((table, d) -> discarded.merge(table, d, ColumnResolver.Discards::plus));
                    written = next.number();
                }
            }
        } finally {
            writing.unlock();
        }
    }

    /** The batch fails for good: later flushes are never written, since their state may cover the lost rows. */
    private synchronized void failed(Exception e, String tableNames) {
        failure = e;
        failedTables = tableNames;
        taken.clear();
    }

    private synchronized String failedTables() {
        return failedTables;
    }

    /** The buffer of the target's table, made on first use; targets naming one table must write it the same way. */
    private PendingTable table(TableTarget target) {
        PendingTable known = byTarget.get(target);
        if (known != null) {
            return known;
        }
        PendingTable table = tableOf(target);
        byTarget.put(target, table);
        return table;
    }

    private PendingTable tableOf(TableTarget target) {
        NamingConvention convention = conventions.get(target.naming());
        TableRef ref = new TableRef(naming.normalizeTableIdentifier(target.schema()), convention.normalizeTablesPath(target.table()));
        List<String> key = target.primaryKey().stream().map(convention::normalizePath).toList();
        registry.useNaming(ref.schema(), convention);
        PendingTable table = tables.get(ref);
        if (table == null) {
            table = new PendingTable(ref, key, target.disposition(), target.contract(), family(ref));
            tables.put(ref, table);
        } else {
            table.checkSameWrites(key, target.disposition(), target.contract());
        }
        return table;
    }

    /** The root table and its child tables as they are; read once per table and batch. */
    private List<TableSchema> family(TableRef ref) {
        try {
            return registry.family(ref.schema(), ref.table());
        } catch (SQLException e) {
            throw new LoadException("reading the tables of " + ref + " failed: " + e.getMessage(), e);
        }
    }

    private void checkUsable() {
        if (failure != null) {
            throw failedEarlier();
        }
        if (closed) {
            throw new IllegalStateException("the batch of load " + loadId + " is already complete");
        }
    }

    private IllegalStateException failedEarlier() {
        return new IllegalStateException("the batch of load " + loadId + " failed earlier and cannot go on: "
                + failure.getMessage(), failure);
    }
}
