package io.chatload.dashboard;

import io.chatload.load.Destination;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The schemas chatload has loaded into (those holding dlt's {@code _dlt_loads}) and their tables, from the catalog. */
public final class Schemas {

    private static final String TABLES =
            "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'";

    private Schemas() {
    }

    public static Set<String> withLedger(Destination destination) throws SQLException {
        return tables(destination).keySet();
    }

    /**
     * Schema → its table names, lower case, for every schema of this destination with a {@code _dlt_loads} table.
     * Schemas are named as chatload names them: without the URL's schema prefix, and those without it are another
     * destination's.
     */
    static Map<String, Set<String>> tables(Destination destination) throws SQLException {
        String prefix = destination.dialect().schemaPrefix().toLowerCase(Locale.ROOT);
        Map<String, Set<String>> all = new TreeMap<>();
        // the standard catalog views rather than JDBC metadata, whose MariaDB driver sees only the current database
        try (Connection c = destination.dataSource().getConnection(); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery(TABLES)) {
            while (rs.next()) {
                String schema = rs.getString(1).toLowerCase(Locale.ROOT);
                if (schema.startsWith(prefix)) {
                    all.computeIfAbsent(schema.substring(prefix.length()), s -> new TreeSet<>())
                            .add(rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        all.values().removeIf(tables -> !tables.contains("_dlt_loads"));
        return all;
    }
}
