package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.load.TableInfo;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --once} starts only what a one-shot load uses: the resource and outbox routes keep their triggers in the
 * route model, but no Quartz scheduler is created behind them (its threads, JMX registration and stop wait), while
 * {@code run} keeps Camel's Quartz.
 */
class OnceStartTest {

    @TempDir
    Path dir;

    @Test
    void runOnceLoadsWithoutAQuartzScheduler() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, Path.of("routes"), Map.of()))) {
            assertInstanceOf(IdleTriggers.class, p.runtime.context().getComponent("quartz"));
            assertFalse(p.runtime.context().getRoute("chaport.visitors").getEndpoint() instanceof QuartzEndpoint);
            List<String> triggered = p.runtime.context().getRoutes().stream()
                    .filter(route -> route.getEndpoint().getEndpointUri().startsWith("quartz:"))
                    .map(Route::getRouteId).toList();
            assertTrue(triggered.contains("chaport.visitors"), "the roots keep their trigger URIs: " + triggered);

            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            List<String> tables = p.destination.tables("chaport_data").stream().map(TableInfo::name).toList();
            assertTrue(tables.contains("visitors"), "the load wrote chaport_data.visitors: " + tables);
        }
    }

    @Test
    void runKeepsCamelsQuartz() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(sandbox, dir, Path.of("routes"),
                     Map.of("chatload.management.port", "0", "chatload.routes.reload", "false")))) {
            assertInstanceOf(QuartzEndpoint.class, p.runtime.context().getRoute("chaport.visitors").getEndpoint());
        }
    }
}
