package io.chatload.load;

import java.util.Objects;
import java.util.Set;

/**
 * How far a resource's records may change its tables, as dlt's schema contract ({@code TSchemaContractDict}) says it:
 * {@code tables} decides about a new table (a child table too), {@code columns} about a new column of an existing
 * table (a new table takes all its columns), {@code dataType} about a value that fits no column of its type and so
 * needs a new variant column. The {@code _dlt_} columns and the primary key are always added.
 *
 * <p>Two limits come with it: {@code maxTableNesting} (dlt's {@code max_table_nesting}: objects and lists nested
 * deeper are stored as JSON text in one column, not as more columns and child tables), and {@code maxColumns}, the
 * most columns a table may have: a new column past it is refused under the {@code columns} (or {@code dataType})
 * mode, {@code evolve} then counting as {@code freeze}, so the contract decides instead of the database failing.
 * {@code knownTables} count as existing for the {@code tables} mode even before they are made (a webhook's tables).
 */
public record SchemaContract(EvolutionMode tables, EvolutionMode columns, EvolutionMode dataType, int maxTableNesting,
                             int maxColumns, Set<String> knownTables) {
    /** dlt's normaliser nests 1000 levels; ours stops at 32, so that a hostile record cannot make 1000 child tables. */
    public static final int DEFAULT_MAX_TABLE_NESTING = 32;
    /**
     * Well inside every destination's limit: PostgreSQL 1600 columns, H2 16384, MariaDB/InnoDB 1017 and a row of at
     * most ~8 KB in the page (500 BIGINTs take 4 KB), while far above what a real API record needs.
     */
    public static final int DEFAULT_MAX_COLUMNS = 500;
    /** dlt's default: everything evolves. */
    public static final SchemaContract EVOLVE = new SchemaContract(EvolutionMode.EVOLVE, EvolutionMode.EVOLVE,
            EvolutionMode.EVOLVE, DEFAULT_MAX_TABLE_NESTING, DEFAULT_MAX_COLUMNS, Set.of());

    public SchemaContract {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(dataType, "dataType");
        if (maxTableNesting < 0) {
            throw new IllegalArgumentException("maxTableNesting must be 0 or more, got " + maxTableNesting);
        }
        if (maxColumns < 1) {
            throw new IllegalArgumentException("maxColumns must be at least 1, got " + maxColumns);
        }
        knownTables = knownTables == null ? Set.of() : Set.copyOf(knownTables);
    }

    /**
     * This contract with the modes {@code text} sets, in dlt's words: one mode for all three ({@code freeze}), or
     * {@code tables=freeze, columns=discard_value, data_type=evolve} (any of the three; {@code :} works as {@code =}).
     */
    public SchemaContract withModes(String text) {
        String spec = text == null ? "" : text.trim();
        if (spec.isEmpty()) {
            return this;
        }
        if (!spec.contains("=") && !spec.contains(":")) {
            EvolutionMode all = EvolutionMode.parse(spec);
            return new SchemaContract(all, all, all, maxTableNesting, maxColumns, knownTables);
        }
        EvolutionMode t = tables;
        EvolutionMode c = columns;
        EvolutionMode d = dataType;
        for (String part : spec.split(",")) {
            String[] pair = part.split("[=:]", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("schema contract entry '" + part.trim() + "' is not key=mode");
            }
            EvolutionMode mode = EvolutionMode.parse(pair[1]);
            switch (pair[0].trim()) {
                case "tables" -> t = mode;
                case "columns" -> c = mode;
                case "data_type", "dataType" -> d = mode;
                default -> throw new IllegalArgumentException("schema contract key '" + pair[0].trim()
                        + "' is not tables, columns or data_type");
            }
        }
        return new SchemaContract(t, c, d, maxTableNesting, maxColumns, knownTables);
    }

    public SchemaContract withLimits(int maxTableNesting, int maxColumns) {
        return new SchemaContract(tables, columns, dataType, maxTableNesting, maxColumns, knownTables);
    }

    /** In dlt's words, e.g. {@code tables=evolve, columns=freeze, data_type=evolve}. */
    public String modes() {
        return "tables=" + tables.dltName() + ", columns=" + columns.dltName() + ", data_type=" + dataType.dltName();
    }
}
