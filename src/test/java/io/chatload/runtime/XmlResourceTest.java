package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chatload.engine.LoadSummary;
import io.chatload.engine.ResourceOutcome;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resource declared in Camel's XML DSL works as its YAML twin; routes/examples/ is not loaded. */
class XmlResourceTest {

    @TempDir
    Path dir;

    @Test
    void theShippedXmlExampleLoadsTheWebhooks() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.copy(Path.of("routes/examples/chaport-webhooks.xml"), chaport.resolve("webhooks.xml"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(3));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, dir.resolve("routes"),
                     Map.of("CHATFORMA_API_KEY", "")))) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertEquals(List.of("chaport.webhooks"), summary.outcomes().stream().map(ResourceOutcome::resource).toList());
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "webhooks", "id", sandbox.data().chaportSubscriptions());
        }
    }
}
