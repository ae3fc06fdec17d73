package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fits flattened rows to a table's columns under the resource's {@link SchemaContract}: a value goes to its column,
 * converted as dlt converts it (see {@link TypeInference}), else to the variant column {@code <col>__v_<type>};
 * columns missing so far are reported as additions, typed by the first value that needs them. A new table, column or
 * variant column the contract does not let evolve is refused ({@code freeze}: an exception naming table and column),
 * or the row or the value is left out and counted.
 */
final class ColumnResolver {
    private final NamingConvention naming;

    ColumnResolver(NamingConvention naming) {
        this.naming = naming;
    }

    /**
     * Columns to add, each kept row as column → value to bind, the {@code _dlt_id}s of the rows left out (their child
     * rows must go too), and what the contract left out.
     */
    record Resolution(Map<String, DataType> additions, List<Map<String, Object>> rows, Set<String> droppedIds,
                      Discards discards) {
    }

    /**
     * What a contract left out of one table: rows ({@code discard_row}, or every row of a new table under
     * {@code discard_*}) and values ({@code discard_value}), with the first rule and column that did it.
     */
    record Discards(long rows, long values, String example) {
        static final Discards NONE = new Discards(0, 0, null);

        Discards plus(Discards other) {
            return new Discards(rows + other.rows, values + other.values, example != null ? example : other.example);
        }

        boolean any() {
            return rows > 0 || values > 0;
        }
    }

    /**
     * @param keyColumns primary-key columns: a clash there is an error, not a variant (the key must stay filled); like
     *                   the {@code _dlt_} columns they are always added
     * @param known      whether the table counts as existing for the contract's {@code tables} mode although it
     *                   does not exist yet
     */
    Resolution resolve(TableSchema table, List<String> keyColumns, List<Map<String, Object>> rows, SchemaContract contract,
                       boolean known) {
        if (!table.exists() && !known && contract.tables() != EvolutionMode.EVOLVE) {
            return newTableRefused(table, rows, contract);
        }
        Map<String, DataType> columns = new HashMap<>(table.columns());
        Map<String, DataType> additions = new LinkedHashMap<>();
        List<Map<String, Object>> bound = new ArrayList<>(rows.size());
        Set<String> dropped = new HashSet<>();
        Discards discards = Discards.NONE;
        Rules rules = new Rules(table, keyColumns, contract);
        FittedRow.Slots slots = new FittedRow.Slots();
        for (Map<String, Object> row : rows) {
            RowFit fit = new RowFit(row, columns, rules, slots);
            boolean kept = true;
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                if (entry.getValue() != null && !fit.fit(entry.getKey(), entry.getValue())) {
                    kept = false;
                    break;
                }
            }
            if (kept) {
                if (!fit.additions.isEmpty()) {
                    columns.putAll(fit.additions);
                    additions.putAll(fit.additions);
                }
                bound.add(fit.values);
                if (fit.discardedValues > 0) {
                    discards = discards.plus(new Discards(0, fit.discardedValues, fit.firstDiscard));
                }
            } else {
                dropped.add(String.valueOf(row.get(Flattener.ID)));
                discards = discards.plus(new Discards(1, 0, fit.refusal));
            }
        }
        return new Resolution(additions, bound, dropped, discards);
    }

    /** One row fitted to the table's columns so far; the columns it adds count only if the row is kept. */
    private final class RowFit {
        private final Map<String, Object> row;
        private final FittedRow values;
        /** The columns this row adds; most rows add none, and share this empty map. */
        private Map<String, DataType> additions = Map.of();
        private final Map<String, DataType> columns;
        private final Rules rules;
        /** The always-added columns this row made so far, which no longer need {@link #reserved() room kept}. */
        private int exemptAdded;
        /** Why the contract leaves the row out ({@code discard_row}), or null. */
        private String refusal;
        private long discardedValues;
        private String firstDiscard;

        RowFit(Map<String, Object> row, Map<String, DataType> columns, Rules rules, FittedRow.Slots slots) {
            this.row = row;
            this.values = new FittedRow(slots);
            this.columns = columns;
            this.rules = rules;
        }

        /**
         * Room kept under the cap for the row's new _dlt_ and key columns, which come last but are always added; counted
         * only for a new column the contract decides about, as most rows bring none.
         */
        private int reserved() {
            int reserved = 0;
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getValue() != null && rules.exempt(e.getKey()) && !columns.containsKey(e.getKey())) {
                    reserved++;
                }
            }
            return reserved - exemptAdded;
        }

        /** Puts the value into its column, or its variant column on a clash; false when the row is to be left out. */
        boolean fit(String column, Object value) {
            DataType type = column(column, value, false);
            if (type == null) {
                return refusal == null;
            }
            Object same = TypeInference.unchanged(value, type);
            if (same != null) {
                values.set(column, same);
                return true;
            }
            Optional<Object> fitted = TypeInference.coerce(value, type);
            String target = column;
            if (fitted.isEmpty()) {
                // as dlt: the variant is named by the value's own type and typed by inference, so an ISO string
                // clashing with a bigint column goes to a timestamp column named <col>__v_text
                DataType valueType = TypeInference.valueType(value);
                if (rules.keyColumns().contains(column)) {
                    throw new IllegalArgumentException("table '" + rules.table().name() + "': primary key column '" + column
                            + "' is " + type.dltName() + " but a record has a " + valueType.dltName()
                            + " value there that does not convert to it");
                }
                target = naming.shortenFragments(column, "v_" + valueType.dltName());
                DataType variantType = column(target, value, true);
                if (variantType == null) {
                    return refusal == null;
                }
                fitted = TypeInference.coerce(value, variantType);
                if (fitted.isEmpty()) {
                    throw new IllegalStateException("table '" + rules.table().name() + "': variant column '" + target
                            + "' is " + variantType.dltName() + " and cannot take the " + valueType.dltName() + " value of '"
                            + column + "' (dlt fails here too): drop or retype column '" + target + "'");
                }
            }
            values.set(target, fitted.get());
            return true;
        }

        /**
         * The column's type, the column added (typed by this value) if it is new and the contract lets it evolve;
         * null when it does not: the value is left out, or the row ({@link #refusal} set).
         */
        private DataType column(String column, Object value, boolean variant) {
            DataType type = columns.get(column);
            if (type == null) {
                type = additions.get(column);
            }
            if (type != null) {
                return type;
            }
            if (rules.exempt(column)) {
                exemptAdded++;
            } else {
                EvolutionMode mode = rules.newColumn(column, variant, columns.size() + additions.size() + reserved());
                if (mode != EvolutionMode.EVOLVE) {
                    String why = (variant ? "data_type=" : "columns=") + mode.dltName() + ", column '" + column + "'";
                    if (mode == EvolutionMode.DISCARD_ROW) {
                        refusal = why;
                    } else {
                        discardedValues++;
                        firstDiscard = firstDiscard == null ? why : firstDiscard;
                    }
                    return null;
                }
            }
            DataType inferred = TypeInference.infer(value);
            if (additions.isEmpty()) {
                additions = new LinkedHashMap<>();
            }
            additions.put(column, inferred);
            return inferred;
        }
    }

    /** A new table the contract does not let evolve: refused, or all its rows left out. */
    private static Resolution newTableRefused(TableSchema table, List<Map<String, Object>> rows, SchemaContract contract) {
        if (contract.tables() == EvolutionMode.FREEZE) {
            throw new SchemaContractException("table '" + table.name() + "' is new and the schema contract freezes tables ("
                    + contract.modes() + "): nothing of this batch was written; set schemaContract tables=evolve to make it");
        }
        Set<String> dropped = new HashSet<>();
        rows.forEach(row -> dropped.add(String.valueOf(row.get(Flattener.ID))));
        return new Resolution(Map.of(), List.of(), dropped,
                new Discards(rows.size(), 0, "tables=" + contract.tables().dltName() + ", a new table"));
    }

    /** The mode that decides about one new column of one table. */
    private record Rules(TableSchema table, List<String> keyColumns, SchemaContract contract) {
        /** The {@code _dlt_} columns and the key: always added, as a row cannot be written without them. */
        boolean exempt(String column) {
            return column.startsWith("_dlt_") || keyColumns.contains(column);
        }

        /**
         * @param variant whether the column is a variant ({@code data_type} decides) or a plain one ({@code columns})
         * @param count   the columns the table would have without it: from {@code maxColumns} on, the contract's mode
         *                decides for a new table too, and {@code evolve} counts as {@code freeze}
         */
        EvolutionMode newColumn(String column, boolean variant, int count) {
            boolean full = count >= contract.maxColumns();
            if (!full && !variant && !table.exists()) {
                return EvolutionMode.EVOLVE; // as in dlt: a new table takes all its columns, only its variants are under the contract
            }
            EvolutionMode mode = variant ? contract.dataType() : contract.columns();
            if (mode == EvolutionMode.FREEZE || full && mode == EvolutionMode.EVOLVE) {
                String why = full ? "the table has " + count + " columns, maxColumns " + contract.maxColumns()
                        + ": raise maxColumns or set schemaContract " + (variant ? "data_type" : "columns") + "=discard_value"
                        : "the schema contract freezes " + (variant ? "data types" : "columns") + " (" + contract.modes()
                        + "): set schemaContract " + (variant ? "data_type" : "columns") + "=evolve to add it";
                throw new SchemaContractException("table '" + table.name() + "': new column '" + column + "' refused, "
                        + why + "; nothing of this batch was written");
            }
            return mode;
        }
    }
}
