package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fits flattened rows to a table's columns: a value goes to its column when it fits (see {@link TypeInference}),
 * else to the variant column {@code <col>__v_<type>}; columns missing so far are reported as additions, typed by the
 * first value that needs them.
 */
final class ColumnResolver {
    private final NamingConvention naming;

    ColumnResolver(NamingConvention naming) {
        this.naming = naming;
    }

    /** Columns to add, and each row as column → value to bind. */
    record Resolution(Map<String, DataType> additions, List<Map<String, Object>> rows) {
    }

    /** @param keyColumns primary-key columns: a clash there is an error, not a variant (the key must stay filled) */
    Resolution resolve(TableSchema table, List<String> keyColumns, List<Map<String, Object>> rows) {
        Map<String, DataType> columns = new HashMap<>(table.columns());
        Map<String, DataType> additions = new LinkedHashMap<>();
        List<Map<String, Object>> bound = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = new HashMap<>(row.size() * 2);
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                String column = entry.getKey();
                Object value = entry.getValue();
                DataType type = columns.computeIfAbsent(column, c -> addition(additions, c, value));
                Optional<Object> fitted = TypeInference.coerce(value, type);
                if (fitted.isEmpty()) {
                    DataType valueType = TypeInference.infer(value);
                    if (keyColumns.contains(column)) {
                        throw new IllegalArgumentException("table '" + table.name() + "': primary key column '" + column
                                + "' is " + type.dltName() + " but a record has a " + valueType.dltName() + " value there");
                    }
                    column = naming.shortenFragments(column, "v_" + valueType.dltName());
                    String variant = column;
                    DataType variantType = columns.computeIfAbsent(variant, c -> addition(additions, c, value));
                    fitted = TypeInference.coerce(value, variantType);
                    if (fitted.isEmpty()) {
                        throw new IllegalStateException("table '" + table.name() + "': variant column '" + variant
                                + "' is " + variantType.dltName() + " and cannot take a " + valueType.dltName() + " value");
                    }
                }
                values.put(column, fitted.get());
            }
            bound.add(values);
        }
        return new Resolution(additions, bound);
    }

    private static DataType addition(Map<String, DataType> additions, String column, Object value) {
        DataType type = TypeInference.infer(value);
        additions.put(column, type);
        return type;
    }
}
