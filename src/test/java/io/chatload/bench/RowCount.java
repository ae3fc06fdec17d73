package io.chatload.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
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

    private static List<String> dataTables(DatabaseMetaData meta, String schema) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase().startsWith("_dlt_") && !name.toLowerCase().startsWith("_chatload") && !name.toLowerCase().startsWith("outbox_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            DatabaseMetaData meta = c.getMetaData();
            for (String schema : List.of("chaport_data", "chatforma_data")) {
                // chatload quotes its lower-case names; a database that folds to upper case keeps them as written
                String schemaAsStored = schema;
                List<String> names = dataTables(meta, schema);
                if (names.isEmpty() && meta.storesUpperCaseIdentifiers()) {
                    schemaAsStored = schema.toUpperCase();
                    names = dataTables(meta, schemaAsStored);
                }
                for (String name : names) {
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + schemaAsStored + "\".\"" + name + "\"")) {
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
