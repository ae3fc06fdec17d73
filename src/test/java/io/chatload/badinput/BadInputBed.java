package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ChatloadConfig;
import io.chatload.engine.LoadSummary;
import io.chatload.engine.ResourceOutcome;
import io.chatload.testing.TestPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One case of the bad input suite: the stub Chaport API, chatload's shipped Chaport resources (plus any extra resource
 * file a case adds) and an H2 file database. A case runs a good load first, scripts one bad answer, runs again with
 * full refresh (so every resource asks the API again) and checks the four promises: one clear line naming the
 * resource, the request path and what to do; the other resources loaded; nothing loaded before lost, changed or
 * doubled; and the load reported failed (exit code 1 on the command line).
 */
final class BadInputBed implements AutoCloseable {

    static final String SCHEMA = "chaport_data";
    /** Keys per table, to find duplicates. */
    static final Map<String, String> KEYS = Map.of("operators", "id", "visitors", "id", "chats", "visitor_id, id",
            "chat_events", "visitor_id, chat_id, id", "webhooks", "id", "chats__operators", "_dlt_parent_id, _dlt_list_idx");
    /** Settings every case shares: two quick tries per page. */
    static final Map<String, String> QUICK_RETRIES = Map.of("chatload.http.max-attempts", "2",
            "chatload.http.retry-initial-delay-ms", "1", "chatload.http.retry-max-delay-ms", "5");

    final StubChaport api;
    final Path dir;
    private final Path routes;
    private final Map<String, String> settings = new HashMap<>(QUICK_RETRIES);
    private TestPipeline pipeline;

    BadInputBed(Path dir) throws Exception {
        this.dir = dir;
        this.api = new StubChaport();
        this.routes = Files.createDirectories(dir.resolve("routes/chaport"));
        try (Stream<Path> files = Files.list(Path.of("routes/chaport"))) {
            for (Path f : files.toList()) {
                Files.copy(f, routes.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** A setting for the runs to come (a property such as {@code chatload.http.max-body-bytes}). */
    BadInputBed with(String key, String value) {
        settings.put(key, value);
        restart();
        return this;
    }

    /** An extra resource file in the routes folder. */
    BadInputBed withResource(String file, String yaml) throws Exception {
        Files.writeString(routes.resolve(file), yaml);
        restart();
        return this;
    }

    private void restart() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    ChatloadConfig config() {
        Map<String, String> env = new HashMap<>();
        env.put("CHAPORT_BASE_URL", api.baseUrl());
        env.put("CHAPORT_TOKEN", StubChaport.TOKEN);
        env.put("CHATFORMA_API_KEY", "");
        env.put("CHATLOAD_DB_URL", "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath());
        env.put("CHATLOAD_ROUTES", routes.getParent().toAbsolutePath().toString());
        env.put("CHATLOAD_ROUTES_SHIPPED", "false");
        env.put("CHAPORT_REQUESTS_PER_SECOND", "0");
        Properties properties = new Properties();
        properties.putAll(settings);
        return ChatloadConfig.load(env, properties);
    }

    TestPipeline pipeline() throws Exception {
        if (pipeline == null) {
            pipeline = TestPipeline.once(config());
        }
        return pipeline;
    }

    /** The first, well-answered load. */
    LoadSummary goodRun(String... resources) throws Exception {
        LoadSummary summary = pipeline().runOnce(resources);
        assertFalse(summary.failed(), () -> "the good run failed:\n" + String.join("\n", summary.lines()));
        return summary;
    }

    /** The second load, with the API's data one generation on, every cursor ignored. */
    LoadSummary badRun() throws Exception {
        api.generation = 2;
        return pipeline().runOnceFullRefresh();
    }

    LoadSummary run(String... resources) throws Exception {
        return pipeline().runOnce(resources);
    }

    static ResourceOutcome outcome(LoadSummary summary, String resource) {
        return summary.outcomes().stream().filter(o -> o.resource().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError(resource + " has no outcome:\n" + String.join("\n", summary.lines())));
    }

    /**
     * The load failed because of {@code resource} alone, with one line that names it, the request and what to do;
     * the line is also in the printed summary.
     */
    static String assertFailedWithOneLine(LoadSummary summary, String resource, String pathAndQuery, String... fragments) {
        String all = String.join("\n", summary.lines());
        assertTrue(summary.failed(), "the load is reported failed (exit code 1):\n" + all);
        ResourceOutcome failed = outcome(summary, resource);
        assertTrue(failed.failed(), resource + " failed:\n" + all);
        String error = failed.error();
        assertFalse(error.contains("\n") || error.contains("\r"), "one line: " + error);
        assertTrue(error.startsWith(resource + ": GET " + StubChaport.PREFIX + pathAndQuery + " "),
                "names the resource and the request: " + error);
        for (String fragment : fragments) {
            assertTrue(error.contains(fragment), "says <" + fragment + ">: " + error);
        }
        assertTrue(error.matches(".*: (check|raise|re-run|run again) .*"), "says what to do: " + error);
        assertFalse(error.contains("\tat ") || error.contains("at io.chatload") || error.contains(StubChaport.TOKEN),
                "no stack trace, no token: " + error);
        assertTrue(error.length() < 600, "short: " + error);
        assertTrue(summary.lines().stream().anyMatch(l -> l.contains(error)), "the summary prints it:\n" + all);
        for (ResourceOutcome o : summary.outcomes()) {
            if (!o.resource().equals(resource)) {
                assertFalse(o.failed(), "the other resources go on, but " + o.resource() + " failed:\n" + all);
            }
        }
        return error;
    }

    /** The operators and the webhook of generation 2 are in the database unless {@code except} is theirs. */
    void assertOthersLoaded(String except) throws SQLException {
        if (!except.equals("chaport.operators")) {
            assertEquals(List.of("Ann g2", "Bob g2"), column("SELECT name FROM chaport_data.operators ORDER BY id"),
                    "chaport.operators loaded meanwhile");
        }
        if (!except.equals("chaport.webhooks")) {
            assertEquals(List.of("https://hooks.example.com/g2"), column("SELECT url FROM chaport_data.webhooks"),
                    "chaport.webhooks loaded meanwhile");
        }
    }

    /** Every data table's rows, all columns, in key order. */
    Map<String, List<Map<String, Object>>> snapshot() throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        for (Object table : column("SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = '"
                + SCHEMA + "' AND LOWER(table_name) NOT LIKE '\\_%' ESCAPE '\\' AND LOWER(table_name) NOT LIKE 'outbox%'")) {
            tables.put((String) table, rows("SELECT * FROM " + SCHEMA + "." + table + " ORDER BY _dlt_id"));
        }
        return tables;
    }

    /** The tables of {@code resourceTables} equal their {@code before}; no table has a key twice. */
    void assertKeptAndNotDoubled(Map<String, List<Map<String, Object>>> before, String... resourceTables) throws SQLException {
        Map<String, List<Map<String, Object>>> after = snapshot();
        for (String table : resourceTables) {
            assertEquals(before.get(table), after.get(table), SCHEMA + "." + table + ": rows loaded before are unchanged");
        }
        for (String table : before.keySet()) {
            assertEquals(before.get(table).size(), after.get(table).size(), SCHEMA + "." + table + ": row count");
        }
        assertNoDuplicates();
    }

    /** The rows of {@code table} whose {@code column} is {@code value} equal their {@code before}, load id included. */
    void assertRowsKept(Map<String, List<Map<String, Object>>> before, String table, String column, String value)
            throws SQLException {
        List<Map<String, Object>> then = before.get(table).stream().filter(r -> value.equals(r.get(column))).toList();
        List<Map<String, Object>> now = snapshot().get(table).stream().filter(r -> value.equals(r.get(column))).toList();
        assertFalse(then.isEmpty(), table + " had rows with " + column + " = " + value);
        assertEquals(then, now, SCHEMA + "." + table + " rows with " + column + " = " + value + " are unchanged");
    }

    void assertNoDuplicates() throws SQLException {
        for (Map.Entry<String, String> key : KEYS.entrySet()) {
            if (column("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = '" + SCHEMA
                    + "' AND LOWER(table_name) = '" + key.getKey() + "'").get(0).toString().equals("0")) {
                continue;
            }
            List<Object> doubled = column("SELECT COUNT(*) FROM (SELECT " + key.getValue() + " FROM " + SCHEMA + "."
                    + key.getKey() + " GROUP BY " + key.getValue() + " HAVING COUNT(*) > 1) d");
            assertEquals("0", doubled.get(0).toString(), SCHEMA + "." + key.getKey() + ": keys loaded twice");
        }
    }

    List<Object> column(String sql) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : rows(sql)) {
            values.add(row.values().iterator().next());
        }
        return values;
    }

    List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = pipeline.destination.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    // H2's driver gives a json column's value as bytes: read it as its JSON text, as sql does
                    Object value = "json".equalsIgnoreCase(meta.getColumnTypeName(i)) ? rs.getString(i) : rs.getObject(i);
                    row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() {
        restart();
        api.close();
    }
}
