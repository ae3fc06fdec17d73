package io.chatload.dashboard;

import io.chatload.load.Destination;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The schemas chatload has loaded into (those holding dlt's {@code _dlt_loads}) and their tables, from the catalog. */
public final class Schemas {

    private Schemas() {
    }

    public static Set<String> withLedger(Destination destination) throws SQLException {
        return tables(destination).keySet();
    }

    /** Schema → its table names, lower case, for every schema with a {@code _dlt_loads} table. */
    static Map<String, Set<String>> tables(Destination destination) throws SQLException {
        Map<String, Set<String>> all = new TreeMap<>();
        try (Connection c = destination.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null) {
                    all.computeIfAbsent(schema.toLowerCase(Locale.ROOT), s -> new TreeSet<>())
                            .add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        all.values().removeIf(tables -> !tables.contains("_dlt_loads"));
        return all;
    }
}
