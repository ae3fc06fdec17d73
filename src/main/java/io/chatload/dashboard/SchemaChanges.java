package io.chatload.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.load.Destination;
import io.chatload.load.Dialect;
import io.chatload.load.QueryResult;
import io.chatload.text.PrintableText;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dlt's schema history, {@code _dlt_version}: a row per stored schema version. Each version is told as what it added
 * to the one before (tables, and columns of existing tables) and what it dropped, the way a dlt user reads a schema
 * change.
 */
final class SchemaChanges {

    /** Versions read per schema, newest last: enough to see how the schema came about. */
    static final int LIMIT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Change(String schema, long version, String insertedAt, String hash, List<String> added, List<String> removed) {
    }

    private SchemaChanges() {
    }

    /** @param schemas schema → its table names, as {@link Schemas#tables} reads them */
    static List<Change> read(Destination destination, Map<String, Set<String>> schemas) throws SQLException {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> schema : schemas.entrySet()) {
            if (schema.getValue().contains("_dlt_version")) {
                changes.addAll(ofSchema(destination, schema.getKey()));
            }
        }
        return changes;
    }

    private static List<Change> ofSchema(Destination destination, String schema) throws SQLException {
        Dialect dialect = destination.dialect();
        String sql = "SELECT " + dialect.columnList(List.of("version", "inserted_at", "version_hash", "schema"))
                + " FROM " + dialect.table(schema, "_dlt_version") + " ORDER BY " + dialect.quote("inserted_at") + ", "
                + dialect.quote("version");
        QueryResult rows = destination.query(sql, LIMIT);
        List<Change> changes = new ArrayList<>();
        Map<String, Set<String>> before = Map.of();
        for (List<Object> row : rows.rows()) {
            Map<String, Set<String>> tables = tables(String.valueOf(row.get(3)));
            changes.add(new Change(schema, ((Number) row.get(0)).longValue(), String.valueOf(row.get(1)),
                    PrintableText.escape(String.valueOf(row.get(2))), difference(tables, before), difference(before, tables)));
            before = tables;
        }
        return changes;
    }

    /** What {@code now} has that {@code then} has not: whole tables, and columns of the tables both have. */
    private static List<String> difference(Map<String, Set<String>> now, Map<String, Set<String>> then) {
        List<String> out = new ArrayList<>();
        now.forEach((table, columns) -> {
            Set<String> old = then.get(table);
            if (old == null) {
                out.add("table " + table);
                return;
            }
            columns.stream().filter(c -> !old.contains(c)).forEach(c -> out.add("column " + table + "." + c));
        });
        return out;
    }

    /** Table name → column names of a stored dlt schema; empty when the text is not one. */
    private static Map<String, Set<String>> tables(String schemaJson) {
        Map<String, Set<String>> tables = new java.util.LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(schemaJson).path("tables");
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> table = it.next();
                Set<String> columns = new LinkedHashSet<>();
                table.getValue().path("columns").fieldNames().forEachRemaining(c -> columns.add(PrintableText.escape(c)));
                tables.put(PrintableText.escape(table.getKey()), columns);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
        return tables;
    }
}
