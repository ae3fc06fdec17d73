package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.load.LoadStatus;
import io.chatload.load.ResourceState;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Chaport accounts side by side, as source instances declared by environment variables only: two sandboxes with
 * different data and tokens, loaded by one run into a schema each, then re-run incrementally.
 */
class ChaportAccountsTest {

    private static final Path ROUTES = Path.of("routes");

    @TempDir
    Path dir;

    private static SandboxServer account(long seed, int visitors, String token) throws Exception {
        return SandboxServer.start(SandboxConfig.defaults().withSeed(seed).withVisitors(visitors).withVisitorsPageSize(20)
                .withChaportToken(token));
    }

    /** The default Chaport source and Chatforma off; chaport_eu and chaport_us from CHATLOAD_<INSTANCE>_* alone. */
    private TestPipeline pipeline(SandboxServer eu, SandboxServer us, Map<String, String> more) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("CHAPORT_TOKEN", "", "CHATFORMA_API_KEY", "",
                "CHATLOAD_CHAPORT_EU_VENDOR", "chaport",
                "CHATLOAD_CHAPORT_EU_BASE_URL", eu.chaportBaseUrl(),
                "CHATLOAD_CHAPORT_EU_TOKEN", eu.config().chaportToken(),
                "CHATLOAD_CHAPORT_US_VENDOR", "chaport",
                "CHATLOAD_CHAPORT_US_BASE_URL", us.chaportBaseUrl(),
                "CHATLOAD_CHAPORT_US_TOKEN", us.config().chaportToken()));
        env.putAll(more);
        return TestPipeline.once(TestPipeline.config(eu, dir, ROUTES, env));
    }

    private static Map<String, Long> delta(SandboxServer sandbox, Map<String, Long> before) {
        Map<String, Long> delta = new HashMap<>();
        sandbox.stats().forEach((call, n) -> {
            long d = n - before.getOrDefault(call, 0L);
            if (d != 0) {
                delta.put(call, d);
            }
        });
        return delta;
    }

    @Test
    void twoAccountsLoadIntoTheirOwnSchemasInOneRunAndReRunIncrementally() throws Exception {
        try (SandboxServer eu = account(42, 60, "eu-account-token");
             SandboxServer us = account(7, 45, "us-account-token");
             TestPipeline p = pipeline(eu, us, Map.of())) {
            LoadSummary first = p.runOnce();
            assertFalse(first.failed(), String.join("\n", first.lines()));
            ExpectedTable.assertAllLoaded(p.destination.dataSource(), ExpectedTable.chaport(eu.data(), "chaport_eu_data"));
            ExpectedTable.assertAllLoaded(p.destination.dataSource(), ExpectedTable.chaport(us.data(), "chaport_us_data"));
            assertTrue(p.notices.stream().anyMatch(n -> n.startsWith("chaport: source disabled")), p.notices.toString());

            // each account has its own ledger row and the state of every resource in its schema
            for (String schema : List.of("chaport_eu_data", "chaport_us_data")) {
                assertEquals(LoadStatus.COMPLETED, p.destination.ledger().recent(schema, 1).get(0).status(), schema);
                Set<String> resources = new TreeSet<>();
                for (ResourceState state : p.destination.state().all(schema)) {
                    resources.add(state.resource());
                    assertTrue(state.lastSuccessAt() != null, schema + ": " + state);
                }
                assertEquals(Set.of("chat_events", "operator", "operators", "visitor", "visitor_chats", "visitors", "webhooks"),
                        resources, schema);
            }

            Map<String, Long> euBefore = eu.stats();
            Map<String, Long> usBefore = us.stats();
            List<String> euChanged = eu.data().addChats(3, 99);
            List<String> usChanged = us.data().addChats(5, 98);

            LoadSummary next = p.runOnce();
            assertFalse(next.failed(), String.join("\n", next.lines()));
            Map<String, Long> euCalls = delta(eu, euBefore);
            Map<String, Long> usCalls = delta(us, usBefore);
            assertEquals(1L, euCalls.get("GET /chaport/api/v1/visitors"), "eu: the first page reaches the watermark " + euCalls);
            assertEquals(1L, usCalls.get("GET /chaport/api/v1/visitors"), "us: the first page reaches the watermark " + usCalls);
            assertEquals((long) euChanged.size(), euCalls.get("GET /chaport/api/v1/visitors/{id}/chats"), "eu: one chats call per changed visitor");
            assertEquals((long) usChanged.size(), usCalls.get("GET /chaport/api/v1/visitors/{id}/chats"), "us: one chats call per changed visitor");
            assertEquals((long) euChanged.size(), euCalls.get("GET /chaport/api/v1/visitors/{id}"), "eu: one detail call per changed visitor");
            assertEquals((long) usChanged.size(), usCalls.get("GET /chaport/api/v1/visitors/{id}"), "us: one detail call per changed visitor");
            ExpectedTable.assertAllLoaded(p.destination.dataSource(), ExpectedTable.chaport(eu.data(), "chaport_eu_data"));
            ExpectedTable.assertAllLoaded(p.destination.dataSource(), ExpectedTable.chaport(us.data(), "chaport_us_data"));
        }
    }

    @Test
    void runSelectsOneAccountsResourcesByTheirIds() throws Exception {
        try (SandboxServer eu = account(42, 30, "eu-account-token");
             SandboxServer us = account(7, 30, "us-account-token");
             TestPipeline p = pipeline(eu, us, Map.of())) {
            LoadSummary summary = p.runOnce("chaport_eu.visitors");
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertTrue(us.stats().isEmpty(), "the other account is not asked: " + us.stats());
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_eu_data", "visitors", "id",
                    ExpectedTable.chaport(eu.data(), "chaport_eu_data").get(1).rows());
        }
    }

    @Test
    void eachAccountFiresOnItsOwnQuartzTrigger() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(ROUTES.resolve("chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.copy(ROUTES.resolve("chaport/operators.yaml"), chaport.resolve("operators.yaml"));
        try (SandboxServer eu = account(42, 10, "eu-account-token");
             SandboxServer us = account(7, 10, "us-account-token");
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(eu, dir, dir.resolve("routes"), Map.of(
                     "CHAPORT_TOKEN", "", "CHATFORMA_API_KEY", "", "CHATLOAD_MANAGEMENT_PORT", "0",
                     "CHATLOAD_CHAPORT_EU_VENDOR", "chaport", "CHATLOAD_CHAPORT_EU_BASE_URL", eu.chaportBaseUrl(),
                     "CHATLOAD_CHAPORT_EU_TOKEN", eu.config().chaportToken(), "CHATLOAD_CHAPORT_EU_SCHEDULE", "1s",
                     "CHATLOAD_CHAPORT_US_VENDOR", "chaport", "CHATLOAD_CHAPORT_US_BASE_URL", us.chaportBaseUrl(),
                     "CHATLOAD_CHAPORT_US_TOKEN", us.config().chaportToken())))) {
            NotifyBuilder twoRuns = new NotifyBuilder(p.runtime.context()).fromRoute("chaport_eu.operators")
                    .wereSentTo("direct://chatload-run").whenCompleted(2).create();
            assertTrue(twoRuns.matches(60, TimeUnit.SECONDS), "chaport_eu's trigger fired twice within 60 s");
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_eu_data", "operators", "id", eu.data().chaportOperators());
            String usTrigger = p.runtime.context().getRoute("chaport_us.operators").getEndpoint().getEndpointUri();
            assertTrue(usTrigger.startsWith("quartz://chatload/chaport_us.operators") && usTrigger.contains("cron="),
                    "chaport_us keeps the vendor's schedule: " + usTrigger);
        }
    }
}
