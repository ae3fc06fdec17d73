package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.load.LoadRecord;
import io.chatload.load.LoadStatus;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}: the Quartz trigger of a resource fires it on its schedule, each firing a load of its own. */
class ScheduledRunTest {

    @TempDir
    Path dir;

    @Test
    void eachFiringIsACompletedLoadAndTheTableStaysEqualToTheTruth() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.writeString(chaport.resolve("operators.yaml"), """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.operators
                    parameters:
                      - {name: path, value: /operators}
                      - {name: schedule, value: 1s}
                """);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(sandbox, dir, dir.resolve("routes"), Map.of()))) {
            // counts the trigger's own exchanges, not the split's per-record sub-exchanges
            NotifyBuilder twoRuns = new NotifyBuilder(p.runtime.context()).fromRoute("chaport.operators")
                    .wereSentTo("direct://chatload-run").whenCompleted(2).create();
            assertTrue(twoRuns.matches(60, TimeUnit.SECONDS), "the trigger fired twice within 60 s");
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "operators", "id", sandbox.data().chaportOperators());
            List<LoadSummary> loads = List.copyOf(p.scheduledLoads);
            assertTrue(loads.size() >= 2, loads.toString());
            assertFalse(loads.get(0).failed(), String.join("\n", loads.get(0).lines()));
            assertFalse(loads.get(0).loadId().equals(loads.get(1).loadId()), "each firing has its own load id");
            LoadRecord ledger = p.destination.ledger().recent("chaport_data", 10).stream()
                    .filter(r -> r.loadId().equals(loads.get(0).loadId())).findFirst().orElseThrow();
            assertEquals(LoadStatus.COMPLETED, ledger.status());
        }
    }
}
