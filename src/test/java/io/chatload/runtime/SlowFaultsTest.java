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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's fault mix with answers slower than a realistic read timeout: the adaptive timeout cuts each slow
 * answer short and the page is fetched again, so the load ends equal to the truth well before a single slow answer
 * could have been waited for. ({@link FaultsTest} has the same mix with a read timeout shorter than the slow answers.)
 */
class SlowFaultsTest {

    private static final int READ_TIMEOUT_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void bothSourcesLoadCompletelyWithoutWaitingForSlowAnswers() throws Exception {
        SandboxFaults faults = SandboxFaults.parse("5xx=0.10,429=0.05,reset=0.02,slow=0.01").withSlowMs(2 * READ_TIMEOUT_MS);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withSeed(1).withVisitors(50)
                .withVisitorsPageSize(20).withBots(2).withFaults(faults));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, Path.of("routes"), Map.of(
                     "chatload.http.read-timeout-ms", String.valueOf(READ_TIMEOUT_MS),
                     "chatload.http.adaptive-timeout-floor-ms", "200",
                     "chatload.http.max-attempts", "10",
                     "chatload.http.retry-initial-delay-ms", "5",
                     "chatload.http.retry-max-delay-ms", "40")))) {
            long started = System.nanoTime();
            LoadSummary summary = p.runOnce();
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            Map<String, Long> injected = sandbox.faults();
            assertTrue(injected.getOrDefault("slow", 0L) > 0, "slow answers were injected: " + injected);
            assertTrue(elapsedMs < READ_TIMEOUT_MS, "the load took " + elapsedMs + " ms with " + injected.get("slow")
                    + " slow answers: it waited for one");
            ChaportSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            ChatformaSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
        }
    }
}
