package io.chatload.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bookkeeping table the loader keeps in every schema ({@code _dlt_loads}, {@code _chatload_loads}, {@code _chatload_state}...). */
record TableDefinition(String name, Map<String, DataType> columns, List<String> primaryKey) {
    TableDefinition {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        primaryKey = List.copyOf(primaryKey);
    }
}
