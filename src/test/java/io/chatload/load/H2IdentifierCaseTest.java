package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 5: on the default H2 database, SQL that quotes lower-case names as dlt's SQL client writes them
 * ({@code "chaport_data"."visitors"}, {@code "_dlt_loads"}, quoted columns) and the seed's unquoted
 * {@code chaport_data.visitors} both work, through {@link Destination#query} (what the {@code sql} command runs) and
 * plain JDBC; a file an older chatload wrote in upper case is renamed in place; layouts never mix.
 */
class H2IdentifierCaseTest {
    private static final TableTarget VISITORS = new TableTarget("chaport_data", "visitors", List.of("id"),
            WriteDisposition.MERGE);
    private static final List<String> QUERIES = List.of(
            "SELECT COUNT(*) FROM \"chaport_data\".\"visitors\"",
            "SELECT COUNT(*) FROM chaport_data.visitors",
            "SELECT COUNT(*) FROM CHAPORT_DATA.VISITORS",
            "SELECT COUNT(\"name\") FROM \"chaport_data\".\"visitors\" WHERE \"id\" IN ('v1', 'v2')",
            "SELECT COUNT(*) FROM \"chaport_data\".\"visitors__tags\" t JOIN \"chaport_data\".\"visitors\" v"
                    + " ON t.\"_dlt_parent_id\" = v.\"_dlt_id\"",
            "SELECT COUNT(*) FROM \"chaport_data\".\"_dlt_loads\" WHERE \"status\" = 0");

    @TempDir
    Path dir;

    @Test
    void aFreshFileTakesQuotedLowerCaseNamesAndPlainOnes() throws Exception {
        String url = url("fresh");
        try (Destination destination = Destination.connect(url, "", "")) {
            load(destination, "1");
            assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 1L), counts(destination), "through Destination.query (the sql command)");
            try (Connection jdbc = destination.dataSource().getConnection()) {
                assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 1L), counts(jdbc), "through JDBC");
                try (ResultSet columns = jdbc.createStatement().executeQuery("SELECT \"id\", name FROM chaport_data.visitors")) {
                    assertEquals("id", columns.getMetaData().getColumnLabel(1), "names come back as dlt writes them");
                }
            }
        }
    }

    @Test
    void aFileAnOlderChatloadWroteInUpperCaseIsRenamedInPlaceAndKeepsLoading() throws Exception {
        String old = url("old");
        // H2's own folding, as chatload wrote every H2 database before
        try (Destination destination = Destination.connect(old + ";DATABASE_TO_UPPER=TRUE", "", "")) {
            load(destination, "1");
            assertEquals(List.of("CHAPORT_DATA"), userSchemas(destination.dataSource().getConnection()));
        }
        try (Destination destination = Destination.connect(old, "", "")) {
            assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 1L), counts(destination), "the old rows under lower-case names");
            load(destination, "2"); // merges into the same rows, the ledger goes on
            assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 2L), counts(destination));
            assertEquals(List.of("chaport_data"), userSchemas(destination.dataSource().getConnection()));
            assertEquals(List.of(), upperCaseNames(destination), "nothing left in upper case");
        }
        try (Destination again = Destination.connect(old, "", "")) {
            assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 2L), counts(again), "a second start has nothing to rename");
        }
    }

    @Test
    void bothLayoutsInOneFileAreRefusedWithWhatToDo() throws Exception {
        String url = url("both");
        try (Destination upper = Destination.connect(url + ";DATABASE_TO_UPPER=TRUE", "", "")) {
            load(upper, "1");
        }
        try (Connection raw = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("both")); Statement s = raw.createStatement()) {
            s.execute("CREATE SCHEMA \"chaport_data\"");
        }
        SQLException refused = assertThrows(SQLException.class, () -> Destination.connect(url, "", "").close());
        assertTrue(refused.getMessage().contains("\"CHAPORT_DATA\"") && refused.getMessage().contains("DROP SCHEMA"),
                refused.getMessage());
    }

    @Test
    void aLowerCaseFileOpenedWithUpperCaseFoldingIsRefused() throws Exception {
        String url = url("lower");
        try (Destination destination = Destination.connect(url, "", "")) {
            load(destination, "1");
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> Destination.connect(url + ";DATABASE_TO_UPPER=TRUE", "", "").close());
        assertTrue(refused.getMessage().contains("remove DATABASE_TO_UPPER"), refused.getMessage());
    }

    @Test
    void anotherToolSeesQuotedNamesAlwaysAndPlainOnesWithTheSetting() throws Exception {
        String url = url("tool");
        try (Destination destination = Destination.connect(url, "", "")) {
            load(destination, "1");
        }
        String file = "jdbc:h2:file:" + dir.resolve("tool");
        try (Connection tool = DriverManager.getConnection(file)) {
            assertEquals(2L, count(tool, "SELECT COUNT(*) FROM \"chaport_data\".\"visitors\""));
            assertThrows(SQLException.class, () -> count(tool, "SELECT COUNT(*) FROM chaport_data.visitors"),
                    "H2 keeps its upper-case folding for a URL without the setting (docs/h2.md)");
        }
        try (Connection tool = DriverManager.getConnection(file + ";DATABASE_TO_LOWER=TRUE")) {
            assertEquals(2L, count(tool, "SELECT COUNT(*) FROM chaport_data.visitors"));
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    /** Two visitors with a child table, one load completed. */
    private static void load(Destination destination, String loadId) throws SQLException {
        destination.ledger().started("chaport_data", loadId);
        LoadBatch batch = destination.batch(loadId, 10);
        batch.add(VISITORS, json("{\"id\":\"v1\",\"name\":\"Ann\",\"tags\":[\"a\"]}"));
        batch.add(VISITORS, json("{\"id\":\"v2\",\"name\":\"Bob\",\"tags\":[\"b\"]}"));
        batch.complete();
        destination.ledger().finished("chaport_data", loadId, LoadStatus.COMPLETED, Map.of("visitors", 2L), null);
    }

    private static List<Long> counts(Destination destination) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String sql : QUERIES) {
            counts.add(((Number) destination.query(sql, 1).rows().get(0).get(0)).longValue());
        }
        return counts;
    }

    private static List<Long> counts(Connection connection) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String sql : QUERIES) {
            counts.add(count(connection, sql));
        }
        return counts;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> userSchemas(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) NOT IN"
                        + " ('INFORMATION_SCHEMA', 'PUBLIC') ORDER BY SCHEMA_NAME")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static List<String> upperCaseNames(Destination destination) throws SQLException {
        QueryResult names = destination.query("SELECT TABLE_NAME || '.' || COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'chaport_data' AND (TABLE_NAME = UPPER(TABLE_NAME) AND TABLE_NAME <> LOWER(TABLE_NAME)"
                + " OR COLUMN_NAME = UPPER(COLUMN_NAME) AND COLUMN_NAME <> LOWER(COLUMN_NAME))", 100);
        return names.rows().stream().map(r -> String.valueOf(r.get(0))).toList();
    }
}
