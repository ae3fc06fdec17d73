package io.chatload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestPipeline;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show --web} through the runnable jar, as a user starts it: it prints the page's address and serves it. */
class ShowWebIT {

    private static final Path JAR = Path.of(System.getProperty("chatload.jar", "target/chatload.jar")).toAbsolutePath();

    @TempDir
    Path dir;

    private Process chatload(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CHAPORT_") || k.startsWith("CHATFORMA_") || k.startsWith("CHATLOAD_"));
        pb.environment().put("CHATLOAD_ROUTES", LoadedPipeline.ROUTES.toAbsolutePath().toString());
        pb.environment().putAll(env);
        return pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    @Test
    void showWebPrintsTheAddressAndServesTheLoadedDatabaseUntilStopped() throws Exception {
        String dbUrl;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = LoadedPipeline.loaded(sandbox, dir, 1, Map.of())) {
            dbUrl = "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath();
        }
        int port = LoadedPipeline.freePort();
        Process show = chatload(Map.of("CHATLOAD_DB_URL", dbUrl), "show", "--web", "--port", Integer.toString(port));
        try {
            String url = "http://127.0.0.1:" + port + "/dashboard/";
            String printed = awaitLine(show, url);
            assertTrue(printed.startsWith("Dashboard of jdbc:h2:file:"), printed);
            HttpResponse<String> loads = LoadedPipeline.get(url + "api/loads");
            assertEquals(200, loads.statusCode(), loads.body());
            JsonNode entries = LoadedPipeline.json(loads.body());
            assertEquals(1, entries.size(), entries.toString());
            assertEquals("COMPLETED", entries.get(0).get("status").asText());
        } finally {
            show.destroy(); // SIGTERM, as Ctrl+C would
            assertTrue(show.waitFor(30, TimeUnit.SECONDS), "show --web stops on SIGTERM");
        }
    }

    @Test
    void portWithoutWebIsAUsageError() throws Exception {
        Process show = chatload(Map.of("CHATLOAD_DB_URL", "jdbc:h2:file:" + dir.resolve("none").toAbsolutePath()),
                "show", "--port", "9191");
        assertTrue(show.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, show.exitValue());
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("--port applies to --web"),
                Files.readString(dir.resolve("stderr.txt")));
    }

    /** Waits (at most 60 s) for the process to print a line containing {@code text}, and returns it. */
    private String awaitLine(Process process, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path out = dir.resolve("stdout.txt");
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("show --web ended with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("stderr.txt")));
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("show --web printed no '" + text + "' in 60 s: " + Files.readString(out));
    }
}
