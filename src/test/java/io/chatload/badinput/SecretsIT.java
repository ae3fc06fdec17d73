package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxFaults;
import io.chatload.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token and the key never show: a full load through faults at DEBUG and at TRACE, then every line of output and
 * a dump of the whole database (tables, ledger errors, state errors) are searched for them.
 */
class SecretsIT {

    private static final List<String> QUICK = List.of("-Dchatload.http.retry-initial-delay-ms=1",
            "-Dchatload.http.retry-max-delay-ms=20");

    @TempDir
    Path dir;

    private static Map<String, String> env(SandboxServer sandbox, Path db) {
        Map<String, String> env = new HashMap<>(Map.of("CHAPORT_BASE_URL", sandbox.chaportBaseUrl(),
                "CHAPORT_TOKEN", sandbox.config().chaportToken(), "CHATFORMA_BASE_URL", sandbox.chatformaBaseUrl(),
                "CHATFORMA_API_KEY", sandbox.config().chatformaKey(), "CHAPORT_REQUESTS_PER_SECOND", "0",
                "CHATFORMA_REQUESTS_PER_SECOND", "0", "CHATLOAD_DB_URL", "jdbc:h2:file:" + db.toAbsolutePath()));
        return env;
    }

    /** The whole database as SQL text: every table, the ledger's errors and the state's last errors included. */
    private static String dump(Path db) throws Exception {
        Path script = db.resolveSibling(db.getFileName() + "-dump.sql");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "", "");
             Statement s = c.createStatement()) {
            s.execute("SCRIPT TO '" + script.toAbsolutePath() + "'");
        }
        return Files.readString(script, StandardCharsets.UTF_8);
    }

    private static void assertNoSecret(String where, String text, String... secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "a secret appears in " + where);
        }
    }

    @Test
    void aFullLoadThroughFaultsAtDebugAndTraceNeverShowsTheTokenOrTheKey() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(30)
                .withFaults(SandboxFaults.parse("5xx=0.10,429=0.05,reset=0.02")))) {
            String token = sandbox.config().chaportToken();
            String key = sandbox.config().chatformaKey();
            Path db = dir.resolve("chatload");
            List<Cli.Result> runs = new ArrayList<>();
            runs.add(Cli.run(dir, env(sandbox, db), QUICK, "run", "--once", "--debug"));
            List<String> trace = new ArrayList<>(QUICK);
            trace.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-Dorg.slf4j.simpleLogger.log.io.chatload=trace"));
            runs.add(Cli.run(dir, env(sandbox, db), trace, "run", "--once", "--full-refresh"));
            assertTrue(runs.get(0).err().contains("DEBUG"), "the first run logs at DEBUG");
            assertTrue(runs.get(1).err().contains("TRACE"), "the second run logs at TRACE");
            for (Cli.Result run : runs) {
                assertTrue(run.exit() == 0 || run.exit() == 1, run.all());
                assertNoSecret("the output", run.all(), token, key);
            }
            String dump = dump(db);
            assertTrue(dump.contains("_DLT_LOADS") || dump.toLowerCase().contains("_dlt_loads"), "the dump holds the ledger");
            assertNoSecret("the database", dump, token, key);
        }
    }

    @Test
    void aRefusedTokenAtTraceIsNeitherPrintedNorStored() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(10))) {
            Path db = dir.resolve("refused");
            Map<String, String> env = env(sandbox, db);
            env.put("CHAPORT_TOKEN", "wrong-token-0d9a7c31");
            env.put("CHATFORMA_API_KEY", "wrong-key-77b21e04");
            List<String> trace = new ArrayList<>(QUICK);
            trace.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace");
            Cli.Result run = Cli.run(dir, env, trace, "run", "--once");
            assertTrue(run.exit() == 1, run.all());
            assertTrue(run.out().contains("check chatload.chaport.token") && run.out().contains("check chatload.chatforma.api-key"),
                    run.out());
            assertNoSecret("the output", run.all(), "wrong-token-0d9a7c31", "wrong-key-77b21e04");
            assertNoSecret("the database", dump(db), "wrong-token-0d9a7c31", "wrong-key-77b21e04");
        }
    }
}
