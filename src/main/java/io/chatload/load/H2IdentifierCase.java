package io.chatload.load;

import io.chatload.config.ConfigException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 database in one identifier case. chatload up to this version wrote H2 names in upper case (H2's default
 * folding); it now opens H2 with lower-case folding (see {@link DatabaseUrl}). A database in the old layout is renamed
 * in place when it opens: in each schema whose name is upper case, every upper-case column, index and table, then the
 * schema itself, last, so that a migration cut short is finished by the next start. Names with lower-case letters
 * (written exactly by a case-sensitive naming convention) stay as they are. A database opened with upper-case folding
 * (a URL that sets {@code DATABASE_TO_UPPER}) that already holds chatload's lower-case schemas is refused, so the two
 * layouts never mix.
 */
final class H2IdentifierCase {
    private static final Logger LOG = LoggerFactory.getLogger(H2IdentifierCase.class);
    /** H2's own schemas, in either case. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("INFORMATION_SCHEMA", "PUBLIC");
    /** A schema holding one of these tables is chatload's. */
    private static final List<String> CHATLOAD_TABLES = List.of(LoadLedger.TABLE, StateStore.TABLE, DltSystemTables.LOADS);

    private H2IdentifierCase() {
    }

    /**
     * Brings the database to the dialect's case, or refuses it.
     * @return the schemas renamed to lower case
     * @throws ConfigException one line saying what to do, when the layouts would mix
     */
    static List<String> apply(Connection connection, H2Dialect dialect) throws SQLException {
        List<String> schemas = strings(connection, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA", List.of());
        if (!dialect.lowerCase()) {
            for (String schema : schemas) {
                if (isLowerCase(schema) && isChatloads(connection, schema)) {
                    throw new ConfigException("the H2 database holds schema \"" + schema + "\" in lower case, as chatload"
                            + " writes it, but chatload.db.url makes H2 fold names to upper case: remove DATABASE_TO_UPPER"
                            + " from the URL");
                }
            }
            return List.of();
        }
        List<String> renamed = new ArrayList<>();
        for (String schema : schemas) {
            if (!isUpperCase(schema) || SYSTEM_SCHEMAS.contains(schema)) {
                continue;
            }
            String target = schema.toLowerCase(Locale.ROOT);
            if (schemas.contains(target)) {
                throw new ConfigException("the H2 database holds both schema \"" + schema + "\" (upper case, from an older"
                        + " chatload) and \"" + target + "\": drop the one you do not need (DROP SCHEMA \"...\" CASCADE)"
                        + " and start again");
            }
            lowerCaseSchema(connection, schema, target);
            renamed.add(target);
        }
        if (!renamed.isEmpty()) {
            LOG.info("H2 database: renamed schemas {} and their tables and columns to lower case (an older chatload"
                    + " wrote them in upper case)", renamed);
        }
        return renamed;
    }

    private static void lowerCaseSchema(Connection connection, String schema, String target) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        List<String> indexes = strings(connection, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ?"
                + " AND INDEX_TYPE_NAME = 'INDEX'", List.of(schema));
        List<String> ddl = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            String from = quote(schema) + '.' + quote(table.getKey());
            for (String column : table.getValue()) {
                if (isUpperCase(column)) {
                    refuseClash(table.getValue(), column, "table " + schema + "." + table.getKey() + " has columns");
                    ddl.add("ALTER TABLE " + from + " ALTER COLUMN " + quote(column) + " RENAME TO " + lower(column));
                }
            }
        }
        for (String index : indexes) {
            if (isUpperCase(index)) {
                ddl.add("ALTER INDEX " + quote(schema) + '.' + quote(index) + " RENAME TO " + lower(index));
            }
        }
        List<String> tables = List.copyOf(columns.keySet());
        for (String table : tables) {
            if (isUpperCase(table)) {
                refuseClash(tables, table, "schema " + schema + " has tables");
                ddl.add("ALTER TABLE " + quote(schema) + '.' + quote(table) + " RENAME TO " + lower(table));
            }
        }
        ddl.add("ALTER SCHEMA " + quote(schema) + " RENAME TO " + quote(target));
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }

    /** Two names that differ only in case would become one. */
    private static void refuseClash(List<String> names, String name, String where) {
        String target = name.toLowerCase(Locale.ROOT);
        if (names.contains(target)) {
            throw new ConfigException("the H2 database cannot be moved to lower-case names: " + where + " \"" + name
                    + "\" and \"" + target + "\"; drop or rename one of them and start again");
        }
    }

    private static boolean isChatloads(Connection connection, String schema) throws SQLException {
        List<String> args = new ArrayList<>(List.of(schema));
        args.addAll(CHATLOAD_TABLES);
        return !strings(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME IN (?, ?, ?)", args).isEmpty();
    }

    /** A name as H2's upper-case folding stores it: it has letters, all of them capitals. */
    private static boolean isUpperCase(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isLowerCase(String name) {
        return name.equals(name.toLowerCase(Locale.ROOT)) && !name.equals(name.toUpperCase(Locale.ROOT));
    }

    private static String lower(String name) {
        return quote(name.toLowerCase(Locale.ROOT));
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static List<String> strings(Connection connection, String sql, List<String> parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
