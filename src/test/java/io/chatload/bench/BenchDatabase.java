package io.chatload.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bench drivers reach a database by the URL chatload was given: chatload's own {@code chatloadSchemaPrefix}
 * parameter names where its schemas are (on MariaDB a schema is a database, so a prefix keeps the bench's apart from
 * others' on a shared server) and is taken out before the driver sees the URL; MariaDB connections quote identifiers
 * with double quotes as the drivers' SQL does.
 */
final class BenchDatabase {
    private static final Pattern PREFIX = Pattern.compile("([?&;])chatloadSchemaPrefix=([a-z0-9_]*)&?");

    private BenchDatabase() {
    }

    static Connection open(String url, String user, String password) throws SQLException {
        Connection connection = DriverManager.getConnection(PREFIX.matcher(url).replaceAll("$1"), user, password);
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'ANSI_QUOTES')");
            }
        }
        return connection;
    }

    /** The name chatload stores schema {@code schema} under for this URL: with the URL's prefix. */
    static String schema(String url, String schema) {
        Matcher prefix = PREFIX.matcher(url);
        return (prefix.find() ? prefix.group(2) : "") + schema;
    }

    /** Whether metadata calls name the schema as a catalog (MariaDB: a database). */
    static boolean schemaIsCatalog(String url) {
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }
}
