package io.chatload.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fits flattened rows to a table's columns under the resource's {@link SchemaContract}: a value goes to its column
 * when it fits (see {@link TypeInference}), else to the variant column {@code <col>__v_<type>}; columns missing so far
 * are reported as additions, typed by the first value that needs them. A new table, column or variant column the
 * contract does not let evolve is refused ({@code freeze}: an exception naming table and column), or the row or the
 * value is left out and counted.
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
        long droppedRows = 0;
        long droppedValues = 0;
        String example = null;
        Rules rules = new Rules(table, keyColumns, contract);
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = new HashMap<>(row.size() * 2);
            // added only if the row is kept: a row left out must not leave its columns behind
            Map<String, DataType> rowAdditions = new LinkedHashMap<>();
            // room kept under the cap for the row's new _dlt_ and key columns, which come last but are always added
            int reserved = (int) row.entrySet().stream()
                    .filter(e -> e.getValue() != null && rules.exempt(e.getKey()) && !columns.containsKey(e.getKey())).count();
            String refused = null;
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                String column = entry.getKey();
                Object value = entry.getValue();
                DataType type = typeOf(column, columns, rowAdditions);
                if (type == null && rules.exempt(column)) {
                    reserved--;
                } else if (type == null) {
                    EvolutionMode mode = rules.newColumn(column, false, columns.size() + rowAdditions.size() + reserved);
                    if (mode != EvolutionMode.EVOLVE) {
                        refused = "columns=" + mode.dltName() + ", column '" + column + "'";
                        if (mode == EvolutionMode.DISCARD_ROW) {
                            break;
                        }
                        droppedValues++;
                        example = example == null ? refused : example;
                        refused = null;
                        continue;
                    }
                }
                if (type == null) {
                    type = TypeInference.infer(value);
                    rowAdditions.put(column, type);
                }
                Optional<Object> fitted = TypeInference.coerce(value, type);
                if (fitted.isEmpty()) {
                    DataType valueType = TypeInference.infer(value);
                    if (keyColumns.contains(column)) {
                        throw new IllegalArgumentException("table '" + table.name() + "': primary key column '" + column
                                + "' is " + type.dltName() + " but a record has a " + valueType.dltName() + " value there");
                    }
                    String variant = naming.variant(column, valueType);
                    DataType variantType = typeOf(variant, columns, rowAdditions);
                    if (variantType == null) {
                        EvolutionMode mode = rules.newColumn(variant, true, columns.size() + rowAdditions.size() + reserved);
                        if (mode != EvolutionMode.EVOLVE) {
                            refused = "data_type=" + mode.dltName() + ", column '" + variant + "'";
                            if (mode == EvolutionMode.DISCARD_ROW) {
                                break;
                            }
                            droppedValues++;
                            example = example == null ? refused : example;
                            refused = null;
                            continue;
                        }
                        variantType = TypeInference.infer(value);
                        rowAdditions.put(variant, variantType);
                    }
                    fitted = TypeInference.coerce(value, variantType);
                    if (fitted.isEmpty()) {
                        throw new IllegalStateException("table '" + table.name() + "': variant column '" + variant
                                + "' is " + variantType.dltName() + " and cannot take a " + valueType.dltName() + " value");
                    }
                    column = variant;
                }
                values.put(column, fitted.get());
            }
            if (refused != null) {
                droppedRows++;
                dropped.add(String.valueOf(row.get(Flattener.ID)));
                example = example == null ? refused : example;
                continue;
            }
            columns.putAll(rowAdditions);
            additions.putAll(rowAdditions);
            bound.add(values);
        }
        return new Resolution(additions, bound, dropped, new Discards(droppedRows, droppedValues, example));
    }

    private static DataType typeOf(String column, Map<String, DataType> columns, Map<String, DataType> rowAdditions) {
        DataType type = columns.get(column);
        return type != null ? type : rowAdditions.get(column);
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
