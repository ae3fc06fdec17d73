package io.chatload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.TestDatabase;
import io.chatload.testing.TestPipeline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints on PostgreSQL and MariaDB (a schema prefix of its own there): every table of the load with the row
 * count SQL counts, and the load, resources and schema versions. Skipped when a server is not reachable, unless
 * CHATLOAD_REQUIRE_DATABASES=true.
 */
class DashboardDatabasesTest {

    @TempDir
    Path dir;

    @Test
    void postgres() throws Exception {
        try (TestDatabase db = TestDatabases.postgres("dashboard")) {
            agreesWithSql(db);
        }
    }

    @Test
    void mariadb() throws Exception {
        try (TestDatabase db = TestDatabases.mariadb("dashboard")) {
            agreesWithSql(db);
        }
    }

    private void agreesWithSql(TestDatabase db) throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = LoadedPipeline.loaded(sandbox, dir, 1, db.env())) {
            DashboardApi api = new DashboardApi(p.destination, null);
            Set<String> shown = new HashSet<>();
            for (JsonNode table : LoadedPipeline.json(api.json("tables").orElseThrow())) {
                String name = table.get("schema").asText() + "." + table.get("name").asText();
                assertEquals(count(db, db.sql("SELECT COUNT(*) FROM " + name)), table.get("rows").asLong(), db + " " + name);
                shown.add(name);
            }
            assertTrue(shown.containsAll(Set.of("chaport_data.visitors", "chaport_data._dlt_version",
                    "chatforma_data.bots", "chatforma_data._chatload_loads")), db + " " + shown);
            JsonNode loads = LoadedPipeline.json(api.json("loads").orElseThrow());
            assertEquals(1, loads.size(), loads.toString());
            assertEquals("COMPLETED", loads.get(0).get("status").asText());
            JsonNode visitors = DashboardApiTest.find(LoadedPipeline.json(api.json("resources").orElseThrow()), "resource", "visitors");
            assertEquals(count(db, db.sql("SELECT COUNT(*) FROM chaport_data.visitors")), visitors.get("rows").asLong());
            assertFalse(LoadedPipeline.json(api.json("schema-changes").orElseThrow()).isEmpty(), db + " has schema versions");
            assertEquals(2, LoadedPipeline.json(api.json("counters").orElseThrow()).get("outboxes").size(), "two empty outboxes");
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
