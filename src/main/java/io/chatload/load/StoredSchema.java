package io.chatload.load;

import io.chatload.load.naming.Naming;
import io.chatload.load.naming.NamingConvention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dlt's stored schema of one chatload schema, the JSON {@code _dlt_version.schema} holds (dlt's {@code
 * Schema.to_dict()}, engine 11): its data tables with their columns and dlt data types, dlt's system tables, and the
 * version hash dlt would compute for it, so dlt can read it back and verify it.
 */
final class StoredSchema {
    static final int ENGINE_VERSION = 11;
    private static final int PREVIOUS_HASHES = 10;
    /** The schema's convention when none is given: dlt's default. */
    private static final NamingConvention DEFAULT_NAMING = Naming.SNAKE_CASE.convention(256);

    /** What the registry's columns do not tell: how a root table is written, and its primary key. */
    record TableHints(WriteDisposition disposition, List<String> primaryKey) {
        TableHints {
            primaryKey = List.copyOf(primaryKey);
        }
    }

    private StoredSchema() {
    }

    /**
     * The schema with its {@code version_hash}.
     * @param tables the schema's tables as the registry knows them; chatload's own ({@code _chatload_...}) are left
     *               out, and dlt's system tables are given as dlt defines them
     * @param hints  by root table; a root table without hints is {@code append}
     */
    static Map<String, Object> of(String name, long version, List<String> previousHashes, List<TableSchema> tables,
                                  Map<String, TableHints> hints) {
        return of(name, version, previousHashes, tables, hints, DEFAULT_NAMING);
    }

    /** @param naming the convention the schema's tables are named by: dlt's {@code normalizers.names} */
    static Map<String, Object> of(String name, long version, List<String> previousHashes, List<TableSchema> tables,
                                  Map<String, TableHints> hints, NamingConvention naming) {
        List<TableSchema> data = tables.stream()
                .filter(t -> t.exists() && !DltSystemTables.isSystemTable(t.name()) && !t.name().startsWith("_chatload_"))
                .sorted(Comparator.comparing(TableSchema::name)).toList();
        Map<String, Object> entries = new LinkedHashMap<>();
        for (TableSchema table : data) {
            entries.put(table.name(), table(table, parentOf(table, data, naming), hints.get(table.name()), naming));
        }
        entries.putAll(DltSystemTables.schemaEntries());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("version", version);
        schema.put("version_hash", null);
        schema.put("engine_version", ENGINE_VERSION);
        schema.put("name", name);
        schema.put("tables", entries);
        schema.put("settings", Map.of("detections", List.of("iso_timestamp")));
        schema.put("normalizers", Map.of("names", naming.name(),
                "json", Map.of("module", "dlt.common.normalizers.json.relational")));
        schema.put("previous_hashes", List.copyOf(previousHashes.subList(0, Math.min(PREVIOUS_HASHES, previousHashes.size()))));
        schema.put("version_hash", DltSchemaJson.versionHash(schema));
        return schema;
    }

    /** The hints a stored schema (as {@link #of} made it) holds for its root tables. */
    @SuppressWarnings("unchecked")
    static Map<String, TableHints> hints(Map<String, Object> stored) {
        Map<String, TableHints> hints = new LinkedHashMap<>();
        Map<String, Object> tables = (Map<String, Object>) stored.getOrDefault("tables", Map.of());
        tables.forEach((name, value) -> {
            Map<String, Object> table = (Map<String, Object>) value;
            if (DltSystemTables.isSystemTable(name) || table.containsKey("parent") || !(table.get("write_disposition") instanceof String disposition)) {
                return;
            }
            List<String> key = new ArrayList<>();
            ((Map<String, Object>) table.getOrDefault("columns", Map.of())).forEach((column, hint) -> {
                if (Boolean.TRUE.equals(((Map<String, Object>) hint).get("primary_key"))) {
                    key.add(column);
                }
            });
            hints.put(name, new TableHints(WriteDisposition.valueOf(disposition.toUpperCase(Locale.ROOT)), key));
        });
        return hints;
    }

    private static Map<String, Object> table(TableSchema table, String parent, TableHints hints, NamingConvention naming) {
        List<String> key = hints == null ? List.of() : hints.primaryKey();
        Map<String, Object> columns = new LinkedHashMap<>();
        table.columns().forEach((column, type) -> columns.put(column, column(column, type, key.contains(column), naming)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", table.name());
        entry.put("columns", columns);
        if (parent != null) {
            entry.put("parent", parent);
        } else {
            WriteDisposition disposition = hints == null ? WriteDisposition.APPEND : hints.disposition();
            entry.put("write_disposition", disposition.name().toLowerCase(Locale.ROOT));
            if (disposition == WriteDisposition.MERGE) {
                // an upsert on the key, whose root _dlt_id is the key's hash: dlt's upsert strategy, not its delete-insert
                entry.put("x-merge-strategy", "upsert");
            }
            entry.put("resource", table.name());
        }
        entry.put("x-normalizer", Map.of("seen-data", true));
        return entry;
    }

    /** A column as dlt's relational normalizer declares it. */
    private static Map<String, Object> column(String name, DataType type, boolean primaryKey, NamingConvention naming) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("data_type", type.dltName());
        if (type == DataType.DECIMAL) {
            // chatload's decimals are integers past BIGINT: NUMERIC(38, 0), where dlt's default would be (38, 9)
            column.put("precision", 38);
            column.put("scale", 0);
        }
        column.put("nullable", !primaryKey && !Flattener.SYSTEM_COLUMNS.contains(name));
        switch (name) {
            case Flattener.ID -> {
                column.put("unique", true);
                column.put("row_key", true);
            }
            case Flattener.PARENT_ID -> column.put("parent_key", true);
            case Flattener.ROOT_ID -> column.put("root_key", true);
            default -> {
                if (primaryKey) {
                    column.put("primary_key", true);
                }
            }
        }
        if (name.contains(naming.pathSeparator() + "v_")) {
            column.put("variant", true);
        }
        return column;
    }

    /** A child table {@code <parent>__<field>} hangs off the longest table name it extends. */
    private static String parentOf(TableSchema table, List<TableSchema> tables, NamingConvention naming) {
        if (!table.columns().containsKey(Flattener.PARENT_ID)) {
            return null;
        }
        return tables.stream().map(TableSchema::name)
                .filter(other -> table.name().startsWith(other + naming.pathSeparator()))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }
}
