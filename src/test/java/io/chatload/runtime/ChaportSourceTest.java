package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.LinksStyle;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Chaport table against the sandbox: the whole tree, incremental re-runs, and links.more's host check. */
class ChaportSourceTest {

    private static final Path ROUTES = Path.of("routes");
    private static final String SCHEMA = "chaport_data";

    @TempDir
    Path dir;

    private TestPipeline pipeline(SandboxServer sandbox) throws Exception {
        return TestPipeline.once(TestPipeline.config(sandbox, dir, ROUTES, Map.of("CHATFORMA_API_KEY", "")));
    }

    /** Every Chaport table equals what the sandbox serves, chats reachable only through links.more included. */
    static void assertEqualsTruth(DataSource db, SandboxData data) throws Exception {
        ExpectedTable.assertAllLoaded(db, ExpectedTable.chaport(data));
    }

    private static long requests(SandboxServer sandbox) {
        return sandbox.stats().values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void theWholeTreeLoadsAndAnUnchangedRerunFetchesAlmostNothing() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(60).withVisitorsPageSize(20)
                .withLinksStyle(LinksStyle.RELATIVE));
             TestPipeline p = pipeline(sandbox)) {
            LoadSummary first = p.runOnce();
            assertFalse(first.failed(), String.join("\n", first.lines()));
            assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            assertTrue(sandbox.stats().getOrDefault("GET /chaport/api/v1/visitors/{id}/chats/{chatId}", 0L) > 0,
                    "older chats come through links.more");
            long teamIds = Truth.count(p.destination.dataSource(), "SELECT COUNT(DISTINCT c.\"value\") FROM "
                    + "chaport_data.chats__operators c WHERE c.\"value\" NOT IN (SELECT id FROM chaport_data.operators)");
            assertTrue(teamIds > 0, "the sandbox's chats name team ids, which are not operators");
            assertEquals(teamIds, (long) sandbox.stats().get("GET /chaport/api/v1/operators/{id}"),
                    "each id that chats name but the operators list lacks is asked for once");
            assertEquals(teamIds, first.warnings().stream().filter(w -> w.startsWith("chaport.operator: GET ")
                    && w.endsWith(" answered HTTP 404: skipped")).count(), first.warnings().toString());
            long firstRequests = requests(sandbox);
            List<Map<String, Object>> before = Truth.query(p.destination.dataSource(),
                    "SELECT * FROM chaport_data.chat_events ORDER BY visitor_id, chat_id, id");

            LoadSummary second = p.runOnce();
            assertFalse(second.failed(), String.join("\n", second.lines()));
            long secondRequests = requests(sandbox) - firstRequests;
            assertTrue(secondRequests <= firstRequests * 2 / 100, "an unchanged re-run made " + secondRequests
                    + " requests, more than 2 % of the first run's " + firstRequests);
            assertEquals(before, Truth.query(p.destination.dataSource(),
                    "SELECT * FROM chaport_data.chat_events ORDER BY visitor_id, chat_id, id"), "no event row changed");
            assertEquals(teamIds, (long) sandbox.stats().get("GET /chaport/api/v1/operators/{id}"), "404s are not asked again");
            assertEqualsTruth(p.destination.dataSource(), sandbox.data());
        }
    }

    @Test
    void newChatsForFiveVisitorsAreAllTheNextRunFetches() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(80).withVisitorsPageSize(25));
             TestPipeline p = pipeline(sandbox)) {
            assertFalse(p.runOnce().failed());
            Map<String, Long> before = sandbox.stats();
            List<String> changed = sandbox.data().addChats(5, 99);
            assertEquals(5, changed.size());

            LoadSummary next = p.runOnce();
            assertFalse(next.failed(), String.join("\n", next.lines()));
            Map<String, Long> after = sandbox.stats();
            assertEquals(5, delta(before, after, "GET /chaport/api/v1/visitors/{id}/chats"), "one chats call per changed visitor");
            assertEquals(5, delta(before, after, "GET /chaport/api/v1/visitors/{id}"), "one detail call per changed visitor");
            long newOrReopened = 0;
            for (String visitor : changed) {
                newOrReopened += sandbox.data().chaportChats(visitor).size() > 1 ? 2 : 1;
            }
            assertTrue(delta(before, after, "GET /chaport/api/v1/visitors/{id}/chats/{chatId}/events") <= newOrReopened,
                    "events only of the new chat and of the chat it closed");
            assertEquals(1, delta(before, after, "GET /chaport/api/v1/visitors"), "the first page reaches the watermark");
            assertEqualsTruth(p.destination.dataSource(), sandbox.data());
        }
    }

    @Test
    void fullRefreshFetchesEverythingAgain() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(30));
             TestPipeline p = pipeline(sandbox)) {
            assertFalse(p.runOnce().failed());
            long first = requests(sandbox);
            assertFalse(p.runOnceFullRefresh().failed());
            assertEquals(first, requests(sandbox) - first);
            assertEqualsTruth(p.destination.dataSource(), sandbox.data());
        }
    }

    @Test
    void aLinksMoreUrlOnAnotherHostIsSkippedWithAWarningAndNeverGetsTheToken() throws Exception {
        List<String> foreignRequests = new CopyOnWriteArrayList<>();
        HttpServer foreign = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        foreign.createContext("/", exchange -> {
            foreignRequests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().get("Authorization"));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        foreign.start();
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(60)
                .withForeignLinkHost("http://127.0.0.1:" + foreign.getAddress().getPort()));
             TestPipeline p = pipeline(sandbox)) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertEquals(List.of(), foreignRequests, "the foreign host was never called");
            assertTrue(summary.warnings().stream().anyMatch(w -> w.startsWith("chaport.visitor_chats: skipped a links.more "
                    + "URL on another host (127.0.0.1): only http://127.0.0.1:" + sandbox.port() + " is followed")),
                    summary.warnings().toString());
            String ledgerNotes = p.destination.ledger().recent("chaport_data", 1).get(0).error();
            assertTrue(ledgerNotes != null && ledgerNotes.contains("warning: chaport.visitor_chats: skipped a links.more URL"),
                    "the warning is in the ledger too: " + ledgerNotes);
            assertEqualsTruth(p.destination.dataSource(), sandbox.data());
        } finally {
            foreign.stop(0);
        }
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }
}
