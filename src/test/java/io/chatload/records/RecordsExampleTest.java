package io.chatload.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routes/examples/chats-to-file.yaml moved into a routes folder, as its comment says: it loads with the resource files,
 * and the chats of a load finished after it started become one JSON file each.
 */
class RecordsExampleTest {

    @TempDir
    Path dir;

    @Test
    void theExampleWritesAFilePerChatOfTheLoadsThatFinishAfterItStarted() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        for (String file : List.of("_source.yaml", "visitors.yaml", "visitor_chats.yaml")) {
            Files.copy(Path.of("routes/chaport", file), chaport.resolve(file));
        }
        Path out = dir.resolve("out");
        String example = Files.readString(Path.of("routes/examples/chats-to-file.yaml"));
        assertTrue(example.contains("uri: file:chat-records"), "the example writes to chat-records");
        Files.writeString(chaport.resolve("chats-to-file.yaml"), example
                .replace("uri: file:chat-records", "uri: file:" + out.toAbsolutePath())
                .replace("delay: 10000", "delay: 20"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(5));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, dir.resolve("routes"),
                     Map.of("CHATFORMA_API_KEY", "")))) {
            assertTrue(p.runtime.context().getRouteController().getRouteStatus("chats-to-file").isStarted());
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            long chats = Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data.chats");
            assertTrue(chats > 5, "chats loaded: " + chats);

            Path loadFolder = out.resolve(summary.loadId());
            List<Path> files = awaitFiles(loadFolder, chats);
            Set<String> written = new TreeSet<>();
            ObjectMapper json = new ObjectMapper();
            for (Path file : files) {
                Map<?, ?> chat = json.readValue(file.toFile(), Map.class);
                assertEquals(summary.loadId(), chat.get("_dlt_load_id"), file.toString());
                assertEquals(file.getFileName().toString(), chat.get("_dlt_id") + ".json");
                written.add(chat.get("visitor_id") + "," + chat.get("id"));
            }
            Set<String> table = new TreeSet<>();
            Truth.query(p.destination.dataSource(), "SELECT visitor_id, id FROM chaport_data.chats")
                    .forEach(row -> table.add(row.get("visitor_id") + "," + row.get("id")));
            assertEquals(table, written);
        }
    }

    /** Until the folder holds {@code count} files (the consumer writes them after the load finished). */
    private static List<Path> awaitFiles(Path folder, long count) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    list.filter(f -> f.toString().endsWith(".json")).forEach(files::add);
                }
            }
            if (files.size() >= count) {
                return files;
            }
            if (System.nanoTime() > deadline) {
                fail(folder + " has " + files.size() + " of " + count + " chat files after 60 s");
            }
            Thread.sleep(20);
        }
    }
}
