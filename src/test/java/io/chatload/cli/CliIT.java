package io.chatload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, run as a user runs it: commands, output and exit codes. */
class CliIT {

    private static final Path JAR = Path.of(System.getProperty("chatload.jar", "target/chatload.jar")).toAbsolutePath();
    private static final Path ROUTES = Path.of("routes").toAbsolutePath();

    @TempDir
    Path workDir;

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** Starts the jar with a clean chatload environment plus {@code env}; output goes to stdout.txt and stderr.txt. */
    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CHAPORT_") || k.startsWith("CHATFORMA_") || k.startsWith("CHATLOAD_"));
        pb.environment().put("CHATLOAD_ROUTES", ROUTES.toString());
        pb.environment().putAll(env);
        return pb.redirectOutput(workDir.resolve("stdout.txt").toFile()).redirectError(workDir.resolve("stderr.txt").toFile()).start();
    }

    private Result chatload(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process p = start(env, args);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chatload " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> sandboxEnv(SandboxServer sandbox) {
        return Map.of("CHAPORT_BASE_URL", sandbox.chaportBaseUrl(), "CHAPORT_TOKEN", sandbox.config().chaportToken(),
                "CHATFORMA_BASE_URL", sandbox.chatformaBaseUrl(), "CHATFORMA_API_KEY", sandbox.config().chatformaKey(),
                "CHAPORT_REQUESTS_PER_SECOND", "0", "CHATFORMA_REQUESTS_PER_SECOND", "0");
    }

    @Test
    void demoThenSqlAndShowSeeTheDemoData() throws Exception {
        Result demo = chatload(Map.of(), "demo");
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        assertTrue(demo.out().lines().anyMatch(l -> l.matches("Load \\d+\\.\\d{6} COMPLETED: \\d+ tables, \\d+ rows, 0 failed resources")),
                demo.out());
        assertTrue(Files.exists(workDir.resolve("chatload.mv.db")), "the default H2 file ./chatload");
        assertEquals(List.of(), (demo.out() + demo.err()).lines().filter(l -> l.contains("WARN") || l.contains("warning")).toList(),
                "a clean demo warns of nothing");

        SandboxData truth = SandboxData.generate(SandboxConfig.defaults());
        Result count = chatload(Map.of(), "sql", "--csv", "SELECT COUNT(*) AS visitors FROM chaport_data.visitors");
        assertEquals(0, count.exit(), count.err());
        assertEquals(List.of("visitors", String.valueOf(truth.chaportVisitors().size())), count.outLines());

        Result seedQuery = chatload(Map.of(), "sql", "SELECT * FROM chaport_data.visitors LIMIT 10");
        assertEquals(0, seedQuery.exit(), seedQuery.err());
        assertTrue(seedQuery.out().contains("(10 rows)"), seedQuery.out());

        for (String schema : List.of("chaport_data", "chatforma_data")) {
            Result loads = chatload(Map.of(), "sql", "--csv", "SELECT COUNT(*) AS n FROM " + schema + "._dlt_loads WHERE status = 0");
            assertEquals(List.of("n", "1"), loads.outLines(), "dlt's completed loads in " + schema + ": " + loads.err());
            Result version = chatload(Map.of(), "sql", "--csv", "SELECT COUNT(*) AS n FROM " + schema + "._dlt_version v JOIN "
                    + schema + "._dlt_loads l ON l.schema_version_hash = v.version_hash WHERE v.schema LIKE '%\"engine_version\":11%'");
            assertEquals(List.of("n", "1"), version.outLines(), "the load's schema version in " + schema + ": " + version.err());
            Result state = chatload(Map.of(), "sql", "--csv", "SELECT pipeline_name FROM " + schema + "._dlt_pipeline_state");
            assertEquals(List.of("pipeline_name", "chatload"), state.outLines(), schema + ": " + state.err());
        }

        Result show = chatload(Map.of(), "show");
        assertEquals(0, show.exit(), show.err());
        for (String expected : List.of("== chaport_data ==", "== chatforma_data ==", "COMPLETED", "chaport_data.visitors  "
                + truth.chaportVisitors().size() + " rows", "chaport_data.operators  " + truth.chaportOperators().size() + " rows",
                "utm__source", "_dlt_load_id", "visitors", "operators")) {
            assertTrue(show.out().contains(expected), "show prints " + expected + ":\n" + show.out());
        }
    }

    @Test
    void twoRunsInARowChangeNoCountAndBothLedgerRowsAreCompleted() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.SMALL).withSeed(11))) {
            Map<String, String> env = sandboxEnv(sandbox);
            Result first = chatload(env, "run", "--once");
            assertEquals(0, first.exit(), first.out() + first.err());
            String countsSql = "SELECT (SELECT COUNT(*) FROM chaport_data.visitors) AS v, "
                    + "(SELECT COUNT(*) FROM chaport_data.operators) AS o, (SELECT COUNT(*) FROM chatforma_data.bots) AS b";
            Result countsBefore = chatload(env, "sql", "--csv", countsSql);
            Result second = chatload(env, "run", "--once");
            assertEquals(0, second.exit(), second.out() + second.err());
            assertEquals(countsBefore.out(), chatload(env, "sql", "--csv", countsSql).out());
            assertEquals(sandbox.data().chaportVisitors().size() + "," + sandbox.data().chaportOperators().size() + ","
                    + sandbox.data().chatformaBots().size(), countsBefore.outLines().get(1));
            Result ledger = chatload(env, "sql", "--csv", "SELECT status FROM chaport_data._chatload_loads ORDER BY started_at");
            assertEquals(List.of("status", "COMPLETED", "COMPLETED"), ledger.outLines());
            Result completed = chatload(env, "sql", "--csv", "SELECT COUNT(*) AS n FROM chaport_data._dlt_loads WHERE status = 0");
            assertEquals(List.of("n", "2"), completed.outLines(), "dlt's ledger: a row per completed load");
        }
    }

    @Test
    void aRefusedCredentialExitsOneNamingTheResourceAndNeverPrintsTheToken() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(20))) {
            Map<String, String> env = new java.util.HashMap<>(sandboxEnv(sandbox));
            env.put("CHAPORT_TOKEN", "not-the-token-42");
            Result run = chatload(env, "run", "--once");
            assertEquals(1, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("chaport.visitors: GET /chaport/api/v1/visitors?page=1 answered HTTP 401: the API "
                    + "refused the credential: check chatload.chaport.token"), run.out());
            assertFalse((run.out() + run.err()).contains("not-the-token-42"));

            Result completed = chatload(env, "sql", "--csv", "SELECT COUNT(*) AS n FROM chaport_data._dlt_loads WHERE status = 0");
            assertEquals(List.of("n", "0"), completed.outLines(), "a failed load is not in dlt's ledger: " + completed.err());
            Result show = chatload(env, "show");
            assertEquals(0, show.exit(), show.err());
            String chaport = show.out().substring(show.out().indexOf("== chaport_data =="));
            assertTrue(chaport.lines().anyMatch(l -> l.contains("| FAILED |") && l.contains("| chaport.")),
                    "show lists the failed load from the history:\n" + show.out());
        }
    }

    @Test
    void messagesInsertedIntoTheOutboxAreSentOnceByRunOnce() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(20))) {
            Map<String, String> env = sandboxEnv(sandbox);
            Result tables = chatload(env, "run", "--once", "--resources", "operators");
            assertEquals(0, tables.exit(), tables.out() + tables.err());
            String operator = (String) sandbox.data().chaportOperators().get(0).get("id");
            StringBuilder insert = new StringBuilder("INSERT INTO chaport_data.outbox_messages (visitor_id, operator_id, text) VALUES ");
            for (int i = 0; i < 10; i++) {
                String visitor = (String) sandbox.data().chaportVisitors().get(i).get("id");
                insert.append(i == 0 ? "" : ", ").append("('").append(visitor).append("', '").append(operator)
                        .append("', 'Hello ").append(i).append("')");
            }
            Result inserted = chatload(env, "sql", insert.toString());
            assertEquals("10 rows affected", inserted.out().trim(), inserted.err());

            Result send = chatload(env, "run", "--once", "--resources", "messages");
            assertEquals(0, send.exit(), send.out() + send.err());
            assertEquals("Outbox chaport.messages: 10 sent, 0 failed, 0 to retry, 0 unknown", send.out().trim());
            Result again = chatload(env, "run", "--once", "--resources", "messages");
            assertEquals("Outbox chaport.messages: 0 sent, 0 failed, 0 to retry, 0 unknown", again.out().trim());
            assertEquals(10, sandbox.data().sentMessages().size(), "each message reached the API once");
            Result status = chatload(env, "sql", "--csv", "SELECT status, COUNT(*) AS n FROM chaport_data.outbox_messages GROUP BY status");
            assertEquals(List.of("status,n", "sent,10"), status.outLines());
        }
    }

    @Test
    void runServesHealthAndPerResourceMetrics() throws Exception {
        Path routes = Files.createDirectories(workDir.resolve("routes/chaport"));
        Files.copy(ROUTES.resolve("chaport/_source.yaml"), routes.resolve("_source.yaml"));
        Files.writeString(routes.resolve("operators.yaml"), """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.operators
                    parameters:
                      - {name: path, value: /operators}
                      - {name: schedule, value: 1s}
                """);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(5))) {
            Map<String, String> env = new java.util.HashMap<>(sandboxEnv(sandbox));
            env.put("CHATLOAD_ROUTES", workDir.resolve("routes").toString());
            env.put("CHATLOAD_ROUTES_SHIPPED", "false");
            env.put("CHATLOAD_MANAGEMENT_PORT", Integer.toString(port));
            Process run = start(env, "run");
            try {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                String metrics = "";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!metrics.contains("chatload_last_success_seconds{resource=\"chaport.operators\"}") && System.nanoTime() < deadline) {
                    assertTrue(run.isAlive(), "run stopped: " + Files.readString(workDir.resolve("stderr.txt")));
                    try {
                        metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                + "/observe/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                    } catch (IOException notUpYet) {
                        Thread.sleep(200);
                    }
                }
                assertTrue(metrics.contains("chatload_records_total{resource=\"chaport.operators\"}"), metrics);
                assertTrue(metrics.contains("chatload_requests_total{api=\"chaport\",resource=\"chaport.operators\"}"), metrics);
                assertTrue(metrics.contains("chatload_last_success_seconds{resource=\"chaport.operators\"}"), metrics);
                String health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/observe/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(health.contains("\"UP\""), health);
            } finally {
                run.destroy(); // SIGTERM: Camel's graceful shutdown
                assertTrue(run.waitFor(60, TimeUnit.SECONDS), "run stops on SIGTERM");
            }
        }
    }

    @Test
    void debugLogsNeverShowTheCredentials() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(30))) {
            Result run = chatload(sandboxEnv(sandbox), "run", "--once", "--debug");
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("DEBUG"), "--debug logs at DEBUG");
            String all = run.out() + run.err();
            assertFalse(all.contains(sandbox.config().chaportToken()), "the Chaport token appears in the output");
            assertFalse(all.contains(sandbox.config().chatformaKey()), "the Chatforma key appears in the output");
        }
    }

    @Test
    void usageAndConfigurationErrorsExitTwoWithOneLine() throws Exception {
        assertEquals(2, chatload(Map.of()).exit());
        Result unknown = chatload(Map.of(), "fetch");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("error: unknown command 'fetch'"), unknown.err());
        assertEquals(2, chatload(Map.of(), "run", "--onse").exit());
        assertEquals(2, chatload(Map.of(), "sql").exit());
        assertEquals(2, chatload(Map.of(), "sandbox", "--scale", "huge").exit());

        Result badUrl = chatload(Map.of("CHAPORT_TOKEN", "t", "CHAPORT_BASE_URL", "app.chaport.com"), "run", "--once");
        assertEquals(2, badUrl.exit(), badUrl.out() + badUrl.err());
        assertTrue(badUrl.err().startsWith("error: chatload.chaport.base-url = 'app.chaport.com' is not a valid base URL"), badUrl.err());
        assertFalse(badUrl.err().contains("\tat "), "no stack trace without --debug");

        Result badDb = chatload(Map.of("CHATLOAD_DB_URL", "jdbc:nosuchdb://x"), "show");
        assertEquals(2, badDb.exit(), badDb.err());
        assertTrue(badDb.err().startsWith("error: chatload.db.url: cannot use the database jdbc:nosuchdb://x"), badDb.err());

        Result noSource = chatload(Map.of(), "run", "--once", "--resources", "visitors");
        assertEquals(2, noSource.exit(), noSource.err());
        assertTrue(noSource.err().contains("resource chaport.visitors was selected but its source is disabled: chatload.chaport.token is not "
                + "set (set CHAPORT_TOKEN in the environment"),
                noSource.err());
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (String command : List.of("run", "demo", "sandbox", "show", "sql")) {
            Result help = chatload(Map.of(), command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().startsWith(command), help.out());
        }
        Result general = chatload(Map.of(), "--help");
        assertEquals(0, general.exit());
        assertTrue(general.out().contains("run [--once] [--resources a,b]"), general.out());
    }
}
