package io.chatload.load;

import io.chatload.load.naming.Naming;
import java.util.List;
import java.util.Objects;

/**
 * Where one resource's records go. primaryKey: JSON field names or column names (normalised with the naming
 * convention, so "visitorId" == "visitor_id"); empty for APPEND. contract: how far the records may change the
 * table and its child tables. naming: the source's convention for its table and column names (dlt's
 * {@code schema.naming}); every target of one schema must use the same.
 */
public record TableTarget(String schema, String table, List<String> primaryKey, WriteDisposition disposition,
                          SchemaContract contract, Naming naming) {
    public TableTarget {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(naming, "naming");
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        if (disposition == WriteDisposition.MERGE && primaryKey.isEmpty()) {
            throw new IllegalArgumentException("table '" + table + "': write disposition merge needs a primary key");
        }
    }

    /** A target under dlt's default contract (everything evolves), named by dlt's default {@code snake_case}. */
    public TableTarget(String schema, String table, List<String> primaryKey, WriteDisposition disposition) {
        this(schema, table, primaryKey, disposition, SchemaContract.EVOLVE, Naming.SNAKE_CASE);
    }

    /** A target under the given contract, named by dlt's default {@code snake_case}. */
    public TableTarget(String schema, String table, List<String> primaryKey, WriteDisposition disposition,
                       SchemaContract contract) {
        this(schema, table, primaryKey, disposition, contract, Naming.SNAKE_CASE);
    }

    /** A target under dlt's default contract, named by the given convention. */
    public TableTarget(String schema, String table, List<String> primaryKey, WriteDisposition disposition,
                       Naming naming) {
        this(schema, table, primaryKey, disposition, SchemaContract.EVOLVE, naming);
    }
}
