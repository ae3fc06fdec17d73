package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxFaults;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full loads of both sources through an API that fails 18 % of its answers (5xx, 429 with and without Retry-After,
 * resets, answers slower than the client waits) end equal to the truth: retries cure every fault.
 */
class FaultsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void bothSourcesLoadCompletelyThroughFaults(long seed) throws Exception {
        SandboxFaults faults = SandboxFaults.parse("5xx=0.10,429=0.05,reset=0.02,slow=0.01").withSlowMs(1_500);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withSeed(seed).withVisitors(50)
                .withVisitorsPageSize(20).withBots(2).withFaults(faults));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, Path.of("routes"), Map.of(
                     // a slow answer takes longer than the client waits; waits between tries are kept short
                     "chatload.http.read-timeout-ms", "500",
                     "chatload.http.max-attempts", "10",
                     "chatload.http.retry-initial-delay-ms", "5",
                     "chatload.http.retry-max-delay-ms", "40")))) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            Map<String, Long> injected = sandbox.faults();
            assertTrue(injected.get("5xx") > 0 && injected.get("429") > 0 && injected.get("reset") > 0,
                    "faults were injected: " + injected);
            ChaportSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            ChatformaSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
        }
    }
}
