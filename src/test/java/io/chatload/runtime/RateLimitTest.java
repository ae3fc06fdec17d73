package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request budget holds across resources and fan-out workers of one API. */
class RateLimitTest {

    @TempDir
    Path dir;

    @Test
    void aBudgetOfFourPerSecondSpreadsTheRequestsOfSeveralResources() throws Exception {
        // operators (1) + visitors (1 page of 5) + 5 visitor details, the details from the fan-out pool
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(5));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, Path.of("routes"),
                     Map.of("CHAPORT_REQUESTS_PER_SECOND", "4", "CHATFORMA_API_KEY", "")))) {
            long started = System.nanoTime();
            LoadSummary summary = p.runOnce("operators", "visitor", "visitors");
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            long requests = sandbox.stats().values().stream().mapToLong(Long::longValue).sum();
            assertTrue(requests >= 7, "requests: " + requests);
            // a lower bound only: a slow machine can take longer, never shorter
            assertTrue(elapsedMs >= (requests / 4 - 1) * 1000L, requests + " requests at 4/s took only " + elapsedMs + " ms");
        }
    }
}
