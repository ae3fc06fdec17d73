package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connecting: which URLs are understood, and what a failure tells (never the password). */
class DestinationConnectTest {

    private static String traceOf(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aWrongPasswordIsNeverEchoed() throws SQLException {
        String url = "jdbc:h2:mem:secret" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Destination owner = Destination.connect(url, "sa", "right-secret-1")) {
            SQLException e = assertThrows(SQLException.class, () -> Destination.connect(url, "sa", "wrong-secret-2"));
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
            assertFalse(traceOf(e).contains("wrong-secret-2"), traceOf(e));
            assertEquals("h2", owner.dialect().name());
        }
    }

    @Test
    void aWrongMariaDbPasswordIsNeverEchoed() throws SQLException {
        try (TestDatabase database = TestDatabases.mariadb("password")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> Destination.connect(database.url(), database.user(), "wrong-secret-3"));
            assertTrue(e.getMessage().contains("cannot connect to jdbc:mariadb:"), e.getMessage());
            assertFalse(traceOf(e).contains("wrong-secret-3"), traceOf(e));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:1/x?password=pw-secret-9",
        "jdbc:mariadb://127.0.0.1:1/x?password=pw-secret-9", "jdbc:mysql://127.0.0.1:1/x?password=pw-secret-9"})
    void aServerThatIsNotThereIsNamedWithoutThePassword(String url) {
        SQLException e = assertThrows(SQLException.class, () -> Destination.connect(url, "someone", "pw-secret-9"));
        assertTrue(e.getMessage().startsWith("cannot connect to " + url.replace("pw-secret-9", "***") + " as user 'someone': "),
                e.getMessage());
        assertFalse(traceOf(e).contains("pw-secret-9"), traceOf(e));
    }

    @Test
    void aFileDatabaseKeepsItsDataAcrossConnections(@TempDir Path dir) throws SQLException {
        TestDatabase file = TestDatabases.h2(dir);
        TableTarget operators = new TableTarget("chaport_data", "operators", List.of("id"), WriteDisposition.MERGE);
        try (Destination destination = Destination.connect(file.url(), file.user(), file.password())) {
            LoadBatch batch = destination.batch("1", 10);
            batch.add(operators, json("{\"id\":\"op1\",\"jobTitle\":\"Support\"}"));
            batch.complete();
            destination.ledger().finished("chaport_data", "1", LoadStatus.COMPLETED, batch.rowsPerTable("chaport_data"), null);
        }
        try (Destination destination = Destination.connect(file.url(), file.user(), file.password())) {
            assertEquals(List.of(List.of("op1", "Support")),
                    destination.query("SELECT id, job_title FROM chaport_data.operators", 10).rows());
            assertEquals(Map.of("operators", 1L), destination.ledger().recent("chaport_data", 1).get(0).rowsPerTable());
        }
    }

    @Test
    void anUnsupportedUrlIsNamedWithoutItsPasswordAlongWithTheSupportedOnes() {
        SQLException e = assertThrows(SQLException.class,
                () -> Destination.connect("jdbc:oracle:thin:@h:1521/x?password=hunter2", "u", "hunter2"));
        assertTrue(e.getMessage().contains("password=***") && !e.getMessage().contains("hunter2"), e.getMessage());
        for (String scheme : List.of("jdbc:h2:", "jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:")) {
            assertTrue(e.getMessage().contains(scheme), "names " + scheme + ": " + e.getMessage());
        }
    }

    @Test
    void postgresqlUrlsGetThePostgresDialect() throws SQLException {
        try (TestDatabase database = TestDatabases.postgres("connect");
             Destination destination = Destination.connect(database.url(), database.user(), database.password())) {
            assertEquals("postgresql", destination.dialect().name());
            assertEquals(List.of(List.of(1)), destination.query("SELECT 1", 1).rows());
        }
    }

    /** The other tests give MariaDB schemas a prefix; this one loads into the database chaport_data itself, as users do. */
    @Test
    void mariadbTakesPlainSqlOnTheRealSchemaName() throws SQLException {
        try (TestDatabase database = TestDatabases.mariadbExclusive("literal", "chaport_data")) {
            loadAVisitorAndReadItWithPlainSql(database.url(), database);
        }
    }

    private static void loadAVisitorAndReadItWithPlainSql(String url, TestDatabase database) throws SQLException {
        try (Destination destination = Destination.connect(url, database.user(), database.password())) {
            LoadBatch batch = destination.batch("1", 10);
            batch.add(new TableTarget("chaport_data", "visitors", List.of("id"), WriteDisposition.MERGE),
                    json("{\"id\":\"v1\",\"name\":\"Ann\",\"lastSeen\":\"2017-10-03T10:47:31.873Z\"}"));
            batch.complete();
            QueryResult all = destination.query("SELECT * FROM chaport_data.visitors", 10);
            assertEquals(List.of("id", "name", "last_seen", "_dlt_load_id", "_dlt_id"), all.columns());
            assertEquals(List.of(List.of("v1", OffsetDateTime.parse("2017-10-03T10:47:31.873Z"))),
                    destination.query("SELECT id, last_seen FROM chaport_data.visitors", 10).rows());
        }
    }

    @Test
    void theUserMayComeWithTheUrl() throws SQLException {
        try (TestDatabase database = TestDatabases.postgres("urluser");
             Destination destination = Destination.connect(database.url() + "?user=" + database.user(), "", null)) {
            assertEquals(List.of(List.of(database.user())), destination.query("SELECT current_user", 1).rows());
        }
    }

    @Test
    void mysqlUrlsReachMariaDbThroughItsDriver() throws SQLException {
        try (TestDatabase database = TestDatabases.mariadb("mysql")) {
            String url = database.url().replace("jdbc:mariadb:", "jdbc:mysql:");
            try (Destination destination = Destination.connect(url, database.user(), database.password())) {
                assertEquals("mariadb", destination.dialect().name());
                assertEquals("utf8mb4_nopad_bin", ((MariaDbDialect) destination.dialect()).collation(), "MariaDB's exact collation");
                LoadBatch batch = destination.batch("1", 10);
                batch.add(new TableTarget("src_data", "things", List.of("id"), WriteDisposition.MERGE), json("{\"id\":\"a\"}"));
                batch.complete();
                assertEquals(List.of(List.of("a")), destination.query(database.sql("SELECT id FROM src_data.things"), 1).rows());
            }
        }
    }
}
