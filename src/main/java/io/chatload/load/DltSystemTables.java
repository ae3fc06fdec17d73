package io.chatload.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dlt's three system tables, with the columns, types and order of dlt/common/schema/utils.py ({@code loads_table()},
 * {@code version_table()}, {@code pipeline_state_table()}): as SQL tables, and as the entries dlt's stored schema
 * gives them. dlt declares their columns NOT NULL; chatload's DDL does so only for {@code _dlt_id} and {@code _dlt_load_id}
 * (see {@link Dialect#notNull}), and always fills the others.
 */
final class DltSystemTables {
    static final String LOADS = "_dlt_loads";
    static final String VERSION = "_dlt_version";
    static final String PIPELINE_STATE = "_dlt_pipeline_state";
    /** {@code _dlt_loads.status} of a completed load, the only status dlt writes. */
    static final long COMPLETED = 0;

    static final TableDefinition LOADS_TABLE = new TableDefinition(LOADS, types(
            "load_id", DataType.TEXT, "schema_name", DataType.TEXT, "status", DataType.BIGINT,
            "inserted_at", DataType.TIMESTAMP, "schema_version_hash", DataType.TEXT), List.of("load_id"));
    static final TableDefinition VERSION_TABLE = new TableDefinition(VERSION, types(
            "version", DataType.BIGINT, "engine_version", DataType.BIGINT, "inserted_at", DataType.TIMESTAMP,
            "schema_name", DataType.TEXT, "version_hash", DataType.TEXT, "schema", DataType.TEXT), List.of());
    static final TableDefinition PIPELINE_STATE_TABLE = new TableDefinition(PIPELINE_STATE, types(
            "version", DataType.BIGINT, "engine_version", DataType.BIGINT, "pipeline_name", DataType.TEXT,
            "state", DataType.TEXT, "created_at", DataType.TIMESTAMP, "version_hash", DataType.TEXT,
            Flattener.LOAD_ID, DataType.TEXT, Flattener.ID, DataType.TEXT), List.of(Flattener.ID));

    private DltSystemTables() {
    }

    static boolean isSystemTable(String table) {
        return table.startsWith("_dlt_");
    }

    /** The three tables as dlt's stored schema has them once a load with pipeline state has run. */
    static Map<String, Object> schemaEntries() {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put(VERSION, table(VERSION, "skip", "Created by DLT. Tracks schema updates",
                column("version", "bigint", false), column("engine_version", "bigint", false),
                column("inserted_at", "timestamp", false), column("schema_name", "text", false),
                column("version_hash", "text", false), column("schema", "text", false)));
        tables.put(LOADS, table(LOADS, "skip", "Created by DLT. Tracks completed loads",
                precise(column("load_id", "text", false)), column("schema_name", "text", true),
                column("status", "bigint", false), column("inserted_at", "timestamp", false),
                column("schema_version_hash", "text", true)));
        Map<String, Object> state = table(PIPELINE_STATE, "append", "Created by DLT. Tracks pipeline state",
                column("version", "bigint", false), column("engine_version", "bigint", false),
                column("pipeline_name", "text", false), column("state", "text", false),
                column("created_at", "timestamp", false), column("version_hash", "text", true),
                precise(column(Flattener.LOAD_ID, "text", false)), dltId());
        state.put("file_format", "preferred");
        state.put("x-normalizer", Map.of("seen-data", true));
        tables.put(PIPELINE_STATE, state);
        return tables;
    }

    /** dlt's {@code dlt_id_column()}. */
    private static Map<String, Object> dltId() {
        Map<String, Object> column = precise(column(Flattener.ID, "text", false));
        column.put("unique", true);
        column.put("row_key", true);
        return column;
    }

    @SafeVarargs
    private static Map<String, Object> table(String name, String disposition, String description, Map<String, Object>... columns) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Map<String, Object> column : columns) {
            byName.put((String) column.get("name"), column);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", name);
        table.put("columns", byName);
        table.put("write_disposition", disposition);
        table.put("resource", name);
        table.put("description", description);
        return table;
    }

    private static Map<String, Object> column(String name, String type, boolean nullable) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("data_type", type);
        column.put("nullable", nullable);
        return column;
    }

    private static Map<String, Object> precise(Map<String, Object> column) {
        column.put("precision", 64);
        return column;
    }

    private static Map<String, DataType> types(Object... namesAndTypes) {
        Map<String, DataType> types = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            types.put((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1]);
        }
        return types;
    }
}
