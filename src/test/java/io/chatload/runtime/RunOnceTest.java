package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ConfigException;
import io.chatload.engine.LoadSummary;
import io.chatload.engine.ResourceOutcome;
import io.chatload.load.LoadRecord;
import io.chatload.load.LoadStatus;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --once} of the shipped routes folder against the sandbox, compared with the sandbox's truth. */
class RunOnceTest {

    private static final Path ROUTES = Path.of("routes");
    private static SandboxServer sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withSeed(7).withVisitorsPageSize(40));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private TestPipeline pipeline(Map<String, String> overrides) throws Exception {
        return TestPipeline.once(TestPipeline.config(sandbox, dir, ROUTES, overrides));
    }

    @Test
    void everyResourceEqualsTheSandboxTruthRowForRow() throws Exception {
        try (TestPipeline p = pipeline(Map.of())) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "operators", "id", sandbox.data().chaportOperators());
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "visitors", "id", sandbox.data().chaportVisitors());
            Truth.assertTableEquals(p.destination.dataSource(), "chatforma_data", "bots", "id", sandbox.data().chatformaBots());
            ResourceOutcome visitors = outcome(summary, "chaport.visitors");
            int pages = (sandbox.data().chaportVisitors().size() + 39) / 40;
            assertEquals(pages, visitors.requests(), "one request per page of 40 visitors");
            // rows written: a visitor's list form and then its details may land in separate batches, and both count
            long visitorCount = sandbox.data().chaportVisitors().size();
            assertTrue(visitors.rowsPerTable().get("visitors") >= visitorCount, visitors.rowsPerTable().toString());
            assertTrue(visitors.rowsPerTable().get("visitors") <= 2 * visitorCount, visitors.rowsPerTable().toString());
            long tags = sandbox.data().chaportVisitors().stream()
                    .mapToLong(v -> v.get("custom") instanceof Map<?, ?> c && c.get("tags") instanceof List<?> t ? t.size() : 0).sum();
            assertTrue(visitors.rowsPerTable().get("visitors__custom__tags") >= tags, "custom.tags lists become child rows");
            assertEquals(tags, Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data.visitors__custom__tags"));
        }
    }

    @Test
    void aSecondRunChangesNoRowCountAndBothLoadsAreCompleted() throws Exception {
        try (TestPipeline p = pipeline(Map.of())) {
            LoadSummary first = p.runOnce();
            long visitors = Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data.visitors");
            long operators = Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data.operators");
            LoadSummary second = p.runOnce();
            assertFalse(first.failed() || second.failed(), String.join("\n", second.lines()));
            assertEquals(visitors, Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data.visitors"));
            assertEquals(operators, Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data.operators"));
            List<LoadRecord> loads = p.destination.ledger().recent("chaport_data", 10);
            assertEquals(List.of(second.loadId(), first.loadId()), loads.stream().map(LoadRecord::loadId).toList());
            assertTrue(loads.stream().allMatch(l -> l.status() == LoadStatus.COMPLETED), loads.toString());
            assertTrue(loads.get(1).rowsPerTable().get("visitors") >= visitors, "the first load wrote every visitor");
            assertEquals(null, loads.get(0).rowsPerTable().get("visitors"), "the second found no visitor changed");
            assertEquals(operators, loads.get(0).rowsPerTable().get("operators"), "the operators list is read every time");
        }
    }

    @Test
    void whatAUserDropsBetweenTwoLoadsOfOneProcessIsMadeAgain() throws Exception {
        try (TestPipeline p = pipeline(Map.of())) {
            assertFalse(p.runOnce().failed());
            // the same CamelContext and Destination, which remember the tables: a long-lived run between two firings
            p.destination.query("DROP TABLE chaport_data.operators", 0);
            p.destination.query("ALTER TABLE chatforma_data.bots DROP COLUMN title", 0);
            p.destination.query("DROP TABLE chaport_data._chatload_loads", 0);
            LoadSummary second = p.runOnce();
            assertFalse(second.failed(), String.join("\n", second.lines()));
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "operators", "id", sandbox.data().chaportOperators());
            Truth.assertTableEquals(p.destination.dataSource(), "chatforma_data", "bots", "id", sandbox.data().chatformaBots());
            assertEquals(List.of(second.loadId()), p.destination.ledger().recent("chaport_data", 10).stream()
                    .map(LoadRecord::loadId).toList(), "the ledger made again, with the second load");
        }
    }

    @Test
    void aRefusedTokenFailsThatSourceInOneLineAndTheOtherSourceStillLoads() throws Exception {
        try (TestPipeline p = pipeline(Map.of("CHAPORT_TOKEN", "wrong-token-123"))) {
            LoadSummary summary = p.runOnce();
            assertTrue(summary.failed());
            assertEquals("chaport.operators: GET /chaport/api/v1/operators answered HTTP 401: the API refused the "
                    + "credential: check chatload.chaport.token", outcome(summary, "chaport.operators").error());
            assertFalse(outcome(summary, "chatforma.bots").failed());
            assertFalse(String.join("\n", summary.lines()).contains("wrong-token-123"));
            assertEquals(LoadStatus.FAILED, p.destination.ledger().recent("chaport_data", 1).get(0).status());
            assertEquals(LoadStatus.COMPLETED, p.destination.ledger().recent("chatforma_data", 1).get(0).status());
            Truth.assertTableEquals(p.destination.dataSource(), "chatforma_data", "bots", "id", sandbox.data().chatformaBots());
        }
    }

    @Test
    void resourcesAreSelectedByNameOrSourceDotName() throws Exception {
        try (TestPipeline p = pipeline(Map.of())) {
            LoadSummary summary = p.runOnce("operators", "chatforma.dialogs");
            assertEquals(List.of("chaport.operators", "chatforma.bots", "chatforma.dialogs", "chatforma.user_messages"),
                    summary.outcomes().stream().map(ResourceOutcome::resource).sorted().toList(),
                    "a selected resource runs with the resources below it and the parents that feed it");
            ConfigException unknown = assertThrows(ConfigException.class, () -> p.runOnce("vistors"));
            assertTrue(unknown.getMessage().startsWith("unknown resource(s) vistors: known are "), unknown.getMessage());
        }
    }

    @Test
    void aSourceWithoutCredentialsIsDisabledWithOneNotice() throws Exception {
        try (TestPipeline p = pipeline(Map.of("CHATFORMA_API_KEY", ""))) {
            assertEquals(List.of("chatforma: source disabled, chatload.chatforma.api-key is not set (set CHATFORMA_API_KEY in "
                    + "the environment, or chatload.chatforma.api-key in application.properties, to load chatforma)"), p.notices);
            LoadSummary summary = p.runOnce();
            assertEquals(List.of("chaport.chat_events", "chaport.operator", "chaport.operators", "chaport.visitor", "chaport.visitor_chats",
                    "chaport.visitors", "chaport.webhooks"),
                    summary.outcomes().stream().map(ResourceOutcome::resource).sorted().toList());
            ConfigException selected = assertThrows(ConfigException.class, () -> p.runOnce("bots"));
            assertEquals("resource chatforma.bots was selected but its source is disabled: chatload.chatforma.api-key is not "
                    + "set (set CHATFORMA_API_KEY in the environment, or chatload.chatforma.api-key in application.properties, "
                    + "to load chatforma)",
                    selected.getMessage());
        }
    }

    private static ResourceOutcome outcome(LoadSummary summary, String resource) {
        return summary.outcomes().stream().filter(o -> o.resource().equals(resource)).findFirst().orElseThrow();
    }
}
