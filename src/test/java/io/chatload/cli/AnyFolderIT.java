package io.chatload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an installed tool: run from a folder that is not the project's, with no CHATLOAD_ROUTES, it
 * loads the resource files shipped inside it; a ./routes folder there adds to and overrides them by name.
 */
class AnyFolderIT {

    private static final Path JAR = Path.of(System.getProperty("chatload.jar", "target/chatload.jar")).toAbsolutePath();

    /** Starts empty: no routes folder, nothing of the project's. */
    @TempDir
    Path anywhere;

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** The jar in {@code anywhere} with no chatload setting in its environment but {@code env}. */
    private Result chatload(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(anywhere.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CHAPORT_") || k.startsWith("CHATFORMA_") || k.startsWith("CHATLOAD_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("chatload-out", ".txt");
        Path err = Files.createTempFile("chatload-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chatload " + String.join(" ", args) + " did not finish in 180 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static Map<String, String> sandboxEnv(SandboxServer sandbox) {
        return Map.of("CHAPORT_BASE_URL", sandbox.chaportBaseUrl(), "CHAPORT_TOKEN", sandbox.config().chaportToken(),
                "CHATFORMA_BASE_URL", sandbox.chatformaBaseUrl(), "CHATFORMA_API_KEY", sandbox.config().chatformaKey(),
                "CHAPORT_REQUESTS_PER_SECOND", "0", "CHATFORMA_REQUESTS_PER_SECOND", "0");
    }

    @Test
    void demoFromAnEmptyFolderLoadsTheShippedFilesAndShowAndSqlReadItsDatabase() throws Exception {
        Result demo = chatload(Map.of(), "demo");

        assertEquals(0, demo.exit(), demo.out() + demo.err());
        assertTrue(demo.out().lines().anyMatch(l -> l.matches("Load \\d+\\.\\d{6} COMPLETED: \\d+ tables, \\d+ rows, 0 failed resources")),
                demo.out());
        assertEquals(List.of(), (demo.out() + demo.err()).lines().filter(l -> l.contains("WARN")).toList(), "no WARN line");
        assertTrue(Files.exists(anywhere.resolve("chatload.mv.db")), "the default H2 file ./chatload, here");
        assertFalse(Files.exists(anywhere.resolve("routes")), "nothing unpacked: the files are read inside the jar");

        SandboxData truth = SandboxData.generate(SandboxConfig.defaults());
        Result visitors = chatload(Map.of(), "sql", "--csv", "SELECT COUNT(*) AS visitors FROM chaport_data.visitors");
        assertEquals(0, visitors.exit(), visitors.err());
        assertEquals(List.of("visitors", String.valueOf(truth.chaportVisitors().size())), visitors.outLines());
        Result bots = chatload(Map.of(), "sql", "--csv", "SELECT COUNT(*) AS bots FROM chatforma_data.bots");
        assertEquals(List.of("bots", String.valueOf(truth.chatformaBots().size())), bots.outLines(), bots.err());

        Result show = chatload(Map.of(), "show");
        assertEquals(0, show.exit(), show.err());
        for (String expected : List.of("== chaport_data ==", "== chatforma_data ==", "COMPLETED",
                "chaport_data.visitors  " + truth.chaportVisitors().size() + " rows")) {
            assertTrue(show.out().contains(expected), "show prints " + expected + ":\n" + show.out());
        }
    }

    /** ./routes/chaport/operators.yaml into the table agents, and a new resource beside the shipped ones. */
    private void workingFolderRoutes() throws IOException {
        Path chaport = Files.createDirectories(anywhere.resolve("routes/chaport"));
        Files.writeString(chaport.resolve("operators.yaml"), resource("chaport.operators", "agents"));
        Files.writeString(chaport.resolve("team.yaml"), resource("chaport.team", "team"));
    }

    private static String resource(String id, String table) {
        return """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: %s
                    parameters:
                      - {name: path, value: /operators}
                      - {name: table, value: %s}
                """.formatted(id, table);
    }

    @Test
    void aRoutesFolderHereOverridesAndAddsToTheShippedFiles() throws Exception {
        workingFolderRoutes();
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(5))) {
            Map<String, String> env = sandboxEnv(sandbox);
            Result run = chatload(env, "run", "--once", "--resources", "operators,team,bots");

            assertEquals(0, run.exit(), run.out() + run.err());
            String tables = "SELECT LOWER(TABLE_SCHEMA || '.' || TABLE_NAME) AS t FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE LOWER(TABLE_NAME) IN ('operators', 'agents', 'team', 'bots') ORDER BY t";
            assertEquals(List.of("t", "chaport_data.agents", "chaport_data.team", "chatforma_data.bots"),
                    chatload(env, "sql", "--csv", tables).outLines(),
                    "./routes' operators.yaml replaced the shipped one, team.yaml added a resource, the shipped bots.yaml loaded");
            assertEquals(List.of("n", String.valueOf(sandbox.data().chaportOperators().size())),
                    chatload(env, "sql", "--csv", "SELECT COUNT(*) AS n FROM chaport_data.team").outLines());

            Map<String, String> shippedOff = new HashMap<>(env);
            shippedOff.put("CHATLOAD_ROUTES_SHIPPED", "false");
            Result alone = chatload(shippedOff, "run", "--once", "--resources", "bots");
            assertEquals(2, alone.exit(), alone.out() + alone.err());
            assertTrue(alone.err().contains("source 'chaport' has no defaults"), "the folder alone has no chaport/_source.yaml: "
                    + alone.err());
        }
    }

    @Test
    void aRoutesFolderSetButMissingIsOneLineForTheCommandLine() throws Exception {
        Path missing = anywhere.resolve("no-such-folder");

        Result run = chatload(Map.of("CHATLOAD_ROUTES", missing.toString()), "run", "--once");

        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(List.of("error: routes folder '" + missing + "' not found: set CHATLOAD_ROUTES to the folder of your "
                + "resource files, or unset it to use the ones shipped in the jar"), run.err().lines().toList());
    }
}
