package io.chatload.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the rows of every data table chatload loaded (ledger and state tables left out) and prints
 * {@code TOTAL_ROWS=n} and {@code CHAT_EVENTS=n} on lines of their own.
 * Usage: RowCount url user password
 */
public final class RowCount {

    private static List<String> dataTables(DatabaseMetaData meta, boolean catalog, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog ? schema : null, catalog ? null : schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase();
                if (!lower.startsWith("_dlt_") && !lower.startsWith("_chatload") && !lower.startsWith("outbox_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = BenchDatabase.open(args[0], args[1], args[2])) {
            DatabaseMetaData meta = c.getMetaData();
            for (String schema : List.of("chaport_data", "chatforma_data")) {
                String stored = BenchDatabase.schema(args[0], schema);
                boolean catalog = BenchDatabase.schemaIsCatalog(args[0]);
                // chatload stores lower-case names (H2 too); an older file or a database folding to upper case may not
                List<String> names = dataTables(meta, catalog, stored);
                if (names.isEmpty() && meta.storesUpperCaseIdentifiers()) {
                    stored = stored.toUpperCase();
                    names = dataTables(meta, catalog, stored);
                }
                for (String name : names) {
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + stored + "\".\"" + name + "\"")) {
                        rs.next();
                        counts.put(schema + "." + name.toLowerCase(), rs.getLong(1));
                    }
                }
            }
        }
        System.out.println("tables: " + counts);
        System.out.println("TOTAL_ROWS=" + counts.values().stream().mapToLong(Long::longValue).sum());
        System.out.println("CHAT_EVENTS=" + counts.getOrDefault("chaport_data.chat_events", 0L));
    }
}
