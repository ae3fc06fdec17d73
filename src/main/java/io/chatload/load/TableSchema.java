package io.chatload.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table's columns (dlt names, in table order) as the loader knows them; no columns = the table does not exist. */
record TableSchema(String name, Map<String, DataType> columns) {
    TableSchema {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    static TableSchema absent(String name) {
        return new TableSchema(name, Map.of());
    }

    boolean exists() {
        return !columns.isEmpty();
    }

    /** A child table: its rows hang off a parent row. */
    boolean isChild() {
        return columns.containsKey(Flattener.PARENT_ID);
    }

    /** A child table that carries dlt's root key, {@code _dlt_root_id}. */
    boolean hasRootKey() {
        return columns.containsKey(Flattener.ROOT_ID);
    }
}
