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

    public static void main(String[] args) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            DatabaseMetaData meta = c.getMetaData();
            for (String schema : List.of("chaport_data", "chatforma_data")) {
                // as stored: chatload writes H2 in lower case, which a plain URL's metadata folds to upper case
                String s = schema;
                try (ResultSet rs = meta.getSchemas()) {
                    while (rs.next()) {
                        if (rs.getString("TABLE_SCHEM").equalsIgnoreCase(schema)) {
                            s = rs.getString("TABLE_SCHEM");
                        }
                    }
                }
                List<String> names = new ArrayList<>();
                try (ResultSet rs = meta.getTables(null, s, "%", new String[] {"TABLE", "BASE TABLE"})) {
                    while (rs.next()) {
                        String name = rs.getString("TABLE_NAME");
                        if (!name.toLowerCase().startsWith("_dlt_") && !name.toLowerCase().startsWith("_chatload") && !name.toLowerCase().startsWith("outbox_")) {
                            names.add(name);
                        }
                    }
                }
                for (String name : names) {
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + s + "\".\"" + name + "\"")) {
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
