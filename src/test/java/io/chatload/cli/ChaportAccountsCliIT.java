package io.chatload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.badinput.Cli;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Chaport accounts through the jar, configured by environment variables only: run --once, --resources, show, sql. */
class ChaportAccountsCliIT {

    @TempDir
    Path workDir;

    @Test
    void instancesRunAreSelectedShownAndQueriedByTheirOwnNames() throws Exception {
        try (SandboxServer eu = SandboxServer.start(SandboxConfig.defaults().withSeed(5).withVisitors(25).withChaportToken("eu-secret-token"));
             SandboxServer us = SandboxServer.start(SandboxConfig.defaults().withSeed(6).withVisitors(35).withChaportToken("us-secret-token"))) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "CHAPORT_REQUESTS_PER_SECOND", "0",
                    "CHATLOAD_CHAPORT_EU_VENDOR", "chaport", "CHATLOAD_CHAPORT_EU_TOKEN", "eu-secret-token",
                    "CHATLOAD_CHAPORT_EU_BASE_URL", eu.chaportBaseUrl(),
                    "CHATLOAD_CHAPORT_US_VENDOR", "chaport", "CHATLOAD_CHAPORT_US_TOKEN", "us-secret-token",
                    "CHATLOAD_CHAPORT_US_BASE_URL", us.chaportBaseUrl()));

            Cli.Result one = Cli.run(workDir, env, List.of(), "run", "--once", "--resources", "chaport_eu.visitors");
            assertEquals(0, one.exit(), one.all());
            assertTrue(one.out().contains("chaport_eu.visitors") && !one.out().contains("chaport_us."), one.all());
            assertTrue(us.stats().isEmpty(), "the other account is not asked: " + us.stats());

            Cli.Result all = Cli.run(workDir, env, List.of(), "run", "--once");
            assertEquals(0, all.exit(), all.all());
            assertTrue(all.out().contains("chaport_us.visitor_chats"), all.all());

            Cli.Result counts = Cli.run(workDir, env, List.of(), "sql", "--csv",
                    "SELECT (SELECT COUNT(*) FROM chaport_eu_data.visitors) AS eu, (SELECT COUNT(*) FROM chaport_us_data.visitors) AS us");
            assertEquals(List.of("eu,us", "25,35"), counts.out().lines().toList(), counts.all());

            Cli.Result show = Cli.run(workDir, env, List.of(), "show");
            assertEquals(0, show.exit(), show.all());
            assertTrue(show.out().contains("== chaport_eu_data ==") && show.out().contains("== chaport_us_data =="), show.out());

            env.put("CHATLOAD_CHAPORT_TYPO_VENDOR", "chaprt");
            Cli.Result typo = Cli.run(workDir, env, List.of(), "run", "--once", "--resources", "chaport_us.operators");
            assertEquals(1, typo.exit(), "a refused instance fails the run once the others loaded: " + typo.all());
            assertTrue(typo.all().contains("chaport_typo: source disabled, chatload.chaport_typo.vendor = 'chaprt' is not a vendor"),
                    typo.all());
            for (Cli.Result r : List.of(one, all, counts, show, typo)) {
                assertFalse(r.all().contains("eu-secret-token") || r.all().contains("us-secret-token"), r.all());
            }
        }
    }
}
