package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.routes.ResourceSpec;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A routes folder over the shipped resource files: a folder file named as a shipped one replaces it, a new one adds a
 * resource, and both use the shipped defaults; with the shipped files off, the folder's are all there is.
 */
class ShippedRoutesOverlayTest {

    private static SandboxServer sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(5));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** A user's folder without a _source.yaml: the operators into another table, and a new resource. */
    private Path folder() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("my-routes/chaport"));
        Files.writeString(chaport.resolve("operators.yaml"), resource("chaport.operators", "agents"));
        Files.writeString(chaport.resolve("team.yaml"), resource("chaport.team", "team"));
        return chaport.getParent();
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

    private static Set<String> ids(TestPipeline p) {
        return p.runtime.catalog().all().stream().map(ResourceSpec::id).collect(Collectors.toSet());
    }

    @Test
    void aFolderFileReplacesTheShippedOneAndANewOneAddsAResource() throws Exception {
        try (TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, folder(), Map.of("chatload.routes.shipped", "true")))) {
            assertEquals("agents", p.runtime.catalog().get("chaport.operators").table(), "the folder's operators.yaml");
            assertTrue(ids(p).containsAll(Set.of("chaport.team", "chaport.visitors", "chaport.visitor_chats", "chatforma.bots")),
                    "the new resource beside every shipped one: " + ids(p));

            LoadSummary summary = p.runOnce("chaport.operators", "chaport.team");

            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "agents", "id", sandbox.data().chaportOperators());
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "team", "id", sandbox.data().chaportOperators());
            assertEquals(0, Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'chaport_data' AND TABLE_NAME = 'operators'"), "the shipped operators.yaml did not load");
        }
    }

    @Test
    void withTheShippedFilesOffTheFolderIsAllThereIs() throws Exception {
        Path folder = folder();
        Files.copy(Path.of("routes/chaport/_source.yaml"), folder.resolve("chaport/_source.yaml"));
        try (TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, folder, Map.of("chatload.routes.shipped", "false")))) {
            assertEquals(Set.of("chaport.operators", "chaport.team"), ids(p));
        }
    }
}
