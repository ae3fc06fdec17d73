package io.chatload.load;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The buffered records of one table of a {@link LoadBatch}. Every target naming the table shares it, so a MERGE
 * record replaces an earlier one with the same key (and its child rows) whichever target added either.
 */
final class PendingTable {
    private final TableRef ref;
    private final List<String> keyColumns;
    /** The key columns sorted, as the root id's digest takes them (see {@link DltIds#keyHash}): sorted once, not per record. */
    private final List<String> sortedKey;
    private final WriteDisposition disposition;
    private final SchemaContract contract;
    /** Whether child rows get {@code _dlt_root_id}: see {@link #rootKey()}. */
    private final boolean rootKey;
    /** Table → its columns typed json when the batch began: values for them are kept whole, as dlt keeps them. */
    private final Map<String, Set<String>> jsonColumns;
    /** By root {@code _dlt_id}; re-inserted on replacement so the order is that of the last additions. */
    private Map<String, FlatRecord> records = new LinkedHashMap<>();

    /**
     * @param family the root table and its child tables as they exist: whether a child table already has
     *               {@code _dlt_root_id} (a table once written with merge, or by an older chatload that gave it to
     *               every child table), which columns are json
     */
    PendingTable(TableRef ref, List<String> keyColumns, WriteDisposition disposition, SchemaContract contract,
                 List<TableSchema> family) {
        this.ref = ref;
        this.keyColumns = List.copyOf(keyColumns);
        this.sortedKey = keyColumns.stream().sorted().toList();
        this.disposition = disposition;
        this.contract = contract;
        this.rootKey = disposition == WriteDisposition.MERGE || family.stream().anyMatch(TableSchema::hasRootKey);
        Map<String, Set<String>> json = new HashMap<>();
        for (TableSchema table : family) {
            table.columns().forEach((column, type) -> {
                if (type == DataType.JSON) {
                    json.computeIfAbsent(table.name(), t -> new HashSet<>()).add(column);
                }
            });
        }
        this.jsonColumns = Map.copyOf(json);
    }

    private PendingTable(PendingTable from, Map<String, FlatRecord> records) {
        this.ref = from.ref;
        this.keyColumns = from.keyColumns;
        this.sortedKey = from.sortedKey;
        this.disposition = from.disposition;
        this.contract = from.contract;
        this.rootKey = from.rootKey;
        this.jsonColumns = from.jsonColumns;
        this.records = records;
    }

    TableRef ref() {
        return ref;
    }

    List<String> keyColumns() {
        return keyColumns;
    }

    WriteDisposition disposition() {
        return disposition;
    }

    SchemaContract contract() {
        return contract;
    }

    /**
     * Whether child rows carry {@code _dlt_root_id}, by dlt's rule ({@code requires_root_key}): the root key propagates
     * for a merge table, and into every child table once any child table of the root has it.
     */
    boolean rootKey() {
        return rootKey;
    }

    /** Whether {@code table} of this family has {@code column} typed json. */
    boolean isJson(String table, String column) {
        Set<String> columns = jsonColumns.get(table);
        return columns != null && columns.contains(column);
    }

    /**
     * One buffer cannot upsert for one target and append or stage for another, nor upsert on two keys, nor hold rows
     * under two schema contracts.
     */
    void checkSameWrites(List<String> otherKey, WriteDisposition otherDisposition, SchemaContract otherContract) {
        if (!keyColumns.equals(otherKey) || disposition != otherDisposition) {
            throw new IllegalArgumentException("table " + ref + " is written with " + describe(disposition, keyColumns)
                    + " by one target and with " + describe(otherDisposition, otherKey) + " by another");
        }
        if (!contract.equals(otherContract)) {
            throw new IllegalArgumentException("table " + ref + " is written under two schema contracts (" + contract
                    + " and " + otherContract + "): give the resources writing it the same schemaContract, "
                    + "maxTableNesting and maxColumns");
        }
    }

    /**
     * The root row's {@code _dlt_id}: for MERGE dlt's hash of the key (its {@code upsert} strategy's {@code key_hash}),
     * so a record and its update share it; else random, as dlt's.
     * @param keyFields the key as the adding target names it, for the error message
     */
    String rootId(Map<String, Object> row, List<String> keyFields) {
        for (int i = 0; i < keyColumns.size(); i++) {
            if (row.get(keyColumns.get(i)) == null) {
                throw new IllegalArgumentException("table '" + ref.table() + "': a record has no value for primary key field '"
                        + keyFields.get(i) + "'");
            }
        }
        return disposition == WriteDisposition.MERGE ? DltIds.keyHash(sortedKey, row) : DltIds.random();
    }

    /** @return whether the record is a new root, not the replacement of one buffered with its id */
    boolean put(FlatRecord record) {
        if (records.put(record.rootId(), record) == null) {
            return true;
        }
        records.remove(record.rootId()); // to the end, as added last
        records.put(record.rootId(), record);
        return false;
    }

    Collection<FlatRecord> records() {
        return records.values();
    }

    int size() {
        return records.size();
    }

    /** Moves the buffered records into a table of their own, to be written while this one buffers the next. */
    PendingTable drain() {
        PendingTable drained = new PendingTable(this, records);
        records = new LinkedHashMap<>();
        return drained;
    }

    private static String describe(WriteDisposition disposition, List<String> key) {
        String name = disposition.name().toLowerCase(Locale.ROOT);
        return key.isEmpty() ? name : name + " on " + key;
    }
}
