package io.chatload.dashboard;

import static io.chatload.dashboard.LoadedPipeline.json;
import static io.chatload.dashboard.LoadedPipeline.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's JSON endpoints after two sandbox loads, compared with SQL on the same database; no browser. */
class DashboardApiTest {

    private static SandboxServer sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withSeed(11));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void eachEndpointAgreesWithTheDatabase() throws Exception {
        try (TestPipeline p = LoadedPipeline.loaded(sandbox, dir, 2, Map.of())) {
            DashboardApi api = new DashboardApi(p.destination, null);

            JsonNode loads = json(api.json("loads").orElseThrow());
            assertEquals(2, LoadedPipeline.loadCount(p), "two loads, each under one id in both schemas");
            assertEquals(LoadedPipeline.loadCount(p), loads.size(), "one entry per load id: " + loads);
            for (JsonNode load : loads) {
                assertEquals("COMPLETED", load.get("status").asText());
                assertEquals(Set.of("chaport_data", "chatforma_data"), names(load.get("schemas")));
                long sum = 0;
                for (JsonNode schema : load.get("schemas")) {
                    for (JsonNode count : schema.get("rowsPerTable")) {
                        sum += count.asLong();
                    }
                }
                assertEquals(sum, load.get("rows").asLong(), "rows are the load's rows over its schemas");
                assertTrue(load.get("durationMs").asLong() >= 0);
            }
            assertTrue(loads.get(0).get("startedAt").asText().compareTo(loads.get(1).get("startedAt").asText()) <= 0,
                    "oldest first, as the plot's x axis needs");

            JsonNode tables = json(api.json("tables").orElseThrow());
            Set<String> shown = new HashSet<>();
            for (JsonNode table : tables) {
                String schema = table.get("schema").asText();
                String name = table.get("name").asText();
                long count = rows(p, schema, name);
                assertEquals(count, table.get("rows").asLong(), schema + "." + name + " row count");
                assertEquals(Math.min(count, TableSnapshots.SAMPLE_ROWS), table.get("sample").size(), schema + "." + name + " sample");
                assertEquals(table.get("sampleColumns").size(), table.get("columns").size(), schema + "." + name);
                shown.add(schema + "." + name);
            }
            List<Map<String, Object>> all = Truth.query(p.destination.dataSource(), "SELECT LOWER(TABLE_SCHEMA) || '.' || "
                    + "LOWER(TABLE_NAME) AS T FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) IN ('chaport_data', 'chatforma_data')");
            assertEquals(all.size(), shown.size(), "every table of both schemas: " + shown);
            assertTrue(shown.contains("chaport_data.visitors") && shown.contains("chatforma_data._dlt_version"), shown.toString());

            JsonNode resources = json(api.json("resources").orElseThrow());
            JsonNode visitors = find(resources, "resource", "visitors");
            assertEquals("succeeded", visitors.get("state").asText());
            assertEquals(rows(p, "chaport_data", "visitors"), visitors.get("rows").asLong());
            assertFalse(visitors.get("lastSuccessAt").isNull());
            assertTrue(visitors.get("route").isNull() && visitors.get("nextFireAt").isNull(), "no runtime serves this page");

            JsonNode changes = json(api.json("schema-changes").orElseThrow());
            long versions = Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data._dlt_version");
            List<JsonNode> chaport = new ArrayList<>();
            changes.forEach(c -> {
                if (c.get("schema").asText().equals("chaport_data")) {
                    chaport.add(c);
                }
            });
            assertEquals(versions, chaport.size(), "one entry per stored schema version");
            assertEquals(1, chaport.stream().filter(c -> c.get("added").toString().contains("\"table visitors\"")).count(),
                    "one version adds the visitors table: " + chaport);
            assertTrue(chaport.get(0).get("added").toString().contains("\"table _dlt_loads\""), "the first adds dlt's tables");

            JsonNode counters = json(api.json("counters").orElseThrow());
            assertTrue(counters.get("meters").isEmpty(), "meters only while run serves the page");
            Set<String> outboxes = new HashSet<>();
            for (JsonNode outbox : counters.get("outboxes")) {
                String table = outbox.get("schema").asText() + "." + outbox.get("table").asText();
                String where = outbox.get("status").isNull() ? "" : " WHERE \"STATUS\" = '" + outbox.get("status").asText() + "'";
                assertEquals(Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM " + table + where),
                        outbox.get("rows").asLong(), table);
                outboxes.add(table);
            }
            assertEquals(Set.of("chaport_data.outbox_messages", "chatforma_data.outbox_dispatches"), outboxes,
                    "each outbox table, empty ones too");
        }
    }

    @Test
    void valuesWithMarkupAndControlCharactersStayTextAndLongOnesAreCut() throws Exception {
        try (TestPipeline p = LoadedPipeline.loaded(sandbox, dir, 1, Map.of())) {
            try (Connection c = p.destination.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE chaport_data.notes (id INT, text VARCHAR(1000))");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO chaport_data.notes VALUES (1, ?), (2, ?)")) {
                    insert.setString(1, "<img src=x onerror=alert(1)>\u001b[31m\r\nforged");
                    insert.setString(2, "x".repeat(500));
                    insert.executeUpdate();
                }
            }
            JsonNode notes = find(json(new DashboardApi(p.destination, null).json("tables").orElseThrow()), "name", "notes");
            assertEquals("<img src=x onerror=alert(1)>\\u001b[31m\\u000d\\u000aforged", notes.at("/sample/0/1").asText(),
                    "markup is data for the page to show as text; control characters are written visibly");
            assertEquals(TableSnapshots.MAX_VALUE_CHARS + 1, notes.at("/sample/1/1").asText().length());
        }
    }

    @Test
    void anUnknownEndpointIsNone() throws Exception {
        try (TestPipeline p = LoadedPipeline.loaded(sandbox, dir, 0, Map.of())) {
            assertTrue(new DashboardApi(p.destination, null).json("../secrets").isEmpty());
            assertEquals("[]", new DashboardApi(p.destination, null).json("loads").orElseThrow(), "nothing loaded yet");
        }
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no entry with " + field + " = " + value + " in " + array);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
