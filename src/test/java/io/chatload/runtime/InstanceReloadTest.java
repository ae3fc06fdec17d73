package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vendor's file added, edited or removed while {@code run} runs changes the copies of its source instances too. */
class InstanceReloadTest {

    private static final long DEADLINE_MS = 30_000;

    @TempDir
    Path dir;

    private static String team(String schedule) {
        return """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.team
                    parameters:
                      - {name: path, value: /operators}
                      - {name: table, value: agents}
                      - {name: schedule, value: %s}
                """.formatted(schedule);
    }

    @Test
    void theInstancesResourcesFollowTheVendorsFiles() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.writeString(chaport.resolve("team.yaml"), team("2h"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(sandbox, dir, dir.resolve("routes"), Map.of(
                     "chatload.management.port", "0", "chatload.routes.reload-interval-ms", "200",
                     "CHATLOAD_CHAPORT_EU_VENDOR", "chaport", "CHATLOAD_CHAPORT_EU_TOKEN", sandbox.config().chaportToken())))) {
            assertEquals(ServiceStatus.Started, p.runtime.context().getRouteController().getRouteStatus("chaport_eu.team"));

            Files.writeString(chaport.resolve("team.yaml"), team("3h"));
            await("chaport_eu.team takes the edited schedule", () -> trigger(p, "chaport_eu.team").contains("repeatInterval=10800000"));
            assertEquals(ServiceStatus.Started, p.runtime.context().getRouteController().getRouteStatus("chaport_eu.team"));
            assertEquals("chaport_eu_data", p.runtime.catalog().get("chaport_eu.team").schema());

            Files.delete(chaport.resolve("team.yaml"));
            await("chaport_eu.team goes with the vendor's file", () -> p.runtime.context().getRoute("chaport_eu.team") == null
                    && p.runtime.context().getRoute("chaport.team") == null);
        }
    }

    private static String trigger(TestPipeline p, String id) {
        Route route = p.runtime.context().getRoute(id);
        return route == null ? "" : route.getEndpoint().getEndpointUri();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + DEADLINE_MS / 1000 + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
