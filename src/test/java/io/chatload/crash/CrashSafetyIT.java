package io.chatload.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.sandbox.SandboxConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the shaded jar: {@code run --once} killed with SIGKILL at ten random moments of its loads, then run
 * to completion; the database equals the sandbox's truth with no duplicates, and the ledger shows every killed load
 * as RUNNING and every completed run as one COMPLETED load per schema ({@link CrashDrill} checks all of it). The
 * larger version is {@code bench/crash/run.sh}.
 */
class CrashSafetyIT {
    private static final Path JAR = Path.of(System.getProperty("chatload.jar", "target/chatload.jar")).toAbsolutePath();
    private static final Path ROUTES = Path.of("routes").toAbsolutePath();
    private static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    void tenKillsThenARunLeaveTheTruthWithoutDuplicatesAndTheKilledLoadsRunning() throws Exception {
        // 180 visitors and 3 bots: about 1,100 requests, a few seconds at 3 ms each
        SandboxConfig sandbox = SandboxConfig.defaults().withSeed(2024).withLatencyMs(3);
        CrashDrill.Settings settings = new CrashDrill.Settings(sandbox, KILLS, 7, 20240611L);

        CrashDrill.Result result = new CrashDrill(settings, JAR, ROUTES, dir, System.out::println).run();

        assertEquals(KILLS, result.kills());
        assertTrue(result.interruptedLoads().values().stream().anyMatch(n -> n > 0),
                "no killed load had opened its ledger row: every kill came before any write");
        result.tables().forEach(t -> assertEquals(t.truth(), t.loaded(), t.table()));
    }
}
