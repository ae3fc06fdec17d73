package io.chatload.load;

import java.util.List;
import java.util.Objects;

/**
 * Where one resource's records go. primaryKey: JSON field names or column names (normalised with the naming
 * convention, so "visitorId" == "visitor_id"); empty for APPEND. contract: how far the records may change the
 * table and its child tables.
 */
public record TableTarget(String schema, String table, List<String> primaryKey, WriteDisposition disposition,
                          SchemaContract contract) {
    public TableTarget {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(contract, "contract");
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        if (disposition == WriteDisposition.MERGE && primaryKey.isEmpty()) {
            throw new IllegalArgumentException("table '" + table + "': write disposition merge needs a primary key");
        }
    }

    /** A target under dlt's default contract: everything evolves. */
    public TableTarget(String schema, String table, List<String> primaryKey, WriteDisposition disposition) {
        this(schema, table, primaryKey, disposition, SchemaContract.EVOLVE);
    }
}
