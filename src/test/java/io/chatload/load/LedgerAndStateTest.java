package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class LedgerAndStateTest extends OnEachDestination {
    @Test
    void loadsRoundTripNewestFirst() throws SQLException {
        LoadLedger ledger = destination.ledger();
        ledger.started("chaport_data", "1700000000.1");
        ledger.started("chaport_data", "1700000000.2");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("operators", 8L);
        counts.put("visitors__tags", 3L);
        ledger.finished("chaport_data", "1700000000.1", LoadStatus.COMPLETED, counts, null);
        ledger.finished("chaport_data", "1700000000.2", LoadStatus.FAILED, Map.of(), "HTTP 500 on /visitors");

        List<LoadRecord> loads = ledger.recent("chaport_data", 10);
        assertEquals(List.of("1700000000.2", "1700000000.1"), loads.stream().map(LoadRecord::loadId).toList(), "newest first");
        LoadRecord failed = loads.get(0);
        assertEquals(LoadStatus.FAILED, failed.status());
        assertEquals("HTTP 500 on /visitors", failed.error());
        LoadRecord done = loads.get(1);
        assertEquals("chaport_data", done.schema());
        assertEquals(LoadStatus.COMPLETED, done.status());
        assertEquals(counts, done.rowsPerTable());
        assertNull(done.error());
        assertNotNull(done.startedAt());
        assertTrue(!done.finishedAt().isBefore(done.startedAt()), "finished after started");
        assertEquals(1, ledger.recent("chaport_data", 1).size(), "limit");
        assertEquals("{\"operators\":8,\"visitors__tags\":3}", db.query(
                "SELECT rows_per_table FROM chaport_data._chatload_loads WHERE load_id = '1700000000.1'", 1).rows().get(0).get(0));
    }

    @Test
    void aRunningLoadHasNoFinishTime() throws SQLException {
        destination.ledger().started("chaport_data", "7");
        LoadRecord running = destination.ledger().recent("chaport_data", 5).get(0);
        assertEquals(LoadStatus.RUNNING, running.status());
        assertNull(running.finishedAt());
        assertEquals(Map.of(), running.rowsPerTable());
    }

    @Test
    void finishingAnUnstartedLoadRecordsIt() throws SQLException {
        destination.ledger().finished("chaport_data", "9", LoadStatus.COMPLETED, Map.of("bots", 2L), null);
        LoadRecord load = destination.ledger().recent("chaport_data", 5).get(0);
        assertEquals(Map.of("bots", 2L), load.rowsPerTable());
        assertEquals(load.startedAt(), load.finishedAt());
    }

    @Test
    void readingAnAbsentSchemaCreatesNothing() throws SQLException {
        assertEquals(List.of(), destination.ledger().recent("nothing_here", 5));
        assertEquals(List.of(), destination.state().all("nothing_here"));
        assertEquals(Optional.empty(), destination.state().cursor("nothing_here", "x", ""));
        assertEquals(Map.of(), destination.state().cursors("nothing_here", "x"));
        assertEquals(List.of(), destination.tables("nothing_here"));
    }

    @Test
    void cursorsGivesEveryParentOfOneResource() throws SQLException {
        LoadBatch first = destination.batch("1", 10);
        first.addState("chaport_data", new StateEntry("visitor_chats", "v1", "2024-01-01"));
        first.addState("chaport_data", new StateEntry("visitor_chats", "v2", "2024-01-02"));
        first.addState("chaport_data", new StateEntry("visitor_chats", "", "own cursor, not a parent's"));
        first.addState("chaport_data", new StateEntry("chat_events", "c1", "other resource"));
        first.complete();
        LoadBatch second = destination.batch("2", 10);
        second.addState("chaport_data", new StateEntry("visitor_chats", "v2", "2024-02-02"));
        second.addState("chaport_data", new StateEntry("visitor_chats", "v10", "2024-02-10"));
        second.complete();
        destination.state().recordOutcome("chaport_data", "visitor_chats", "2", true, null);

        assertEquals(Map.of("v1", "2024-01-01", "v2", "2024-02-02", "v10", "2024-02-10"),
                destination.state().cursors("chaport_data", "visitor_chats"));
        assertEquals(Map.of("c1", "other resource"), destination.state().cursors("chaport_data", "chat_events"));
        assertEquals(Map.of(), destination.state().cursors("chaport_data", "operators"), "a resource without cursors");
        assertEquals(Map.of("v1", "2024-01-01", "v2", "2024-02-02", "v10", "2024-02-10", "", "own cursor, not a parent's"),
                destination.state().allCursors("chaport_data", "visitor_chats"), "allCursors: the parents' and its own");
        assertEquals(Map.of(), destination.state().allCursors("nothing_here", "x"));
    }

    @Test
    void outcomesOfOneLoadAreRecordedTogether() throws SQLException {
        StateStore state = destination.state();
        state.recordOutcomes("chatforma_data", "5", List.of(new StateStore.Outcome("bots", true, null),
                new StateStore.Outcome("users", false, "HTTP 500 on /bots/1/users"), new StateStore.Outcome("forms", true, null)));

        List<ResourceState> all = state.all("chatforma_data");
        assertEquals(List.of("bots", "forms", "users"), all.stream().map(ResourceState::resource).toList());
        assertEquals(List.of("5", "5", "5"), all.stream().map(ResourceState::lastLoadId).toList());
        assertNotNull(all.get(0).lastSuccessAt());
        assertNull(all.get(0).lastError());
        assertNull(all.get(2).lastSuccessAt());
        assertEquals("HTTP 500 on /bots/1/users", all.get(2).lastError());
    }

    @Test
    void cursorsAndOutcomesRoundTrip() throws SQLException {
        TableTarget target = new TableTarget("chaport_data", "chats", List.of("id"), WriteDisposition.MERGE);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(target, json("{\"id\":1}"));
        batch.addState("chaport_data", new StateEntry("visitor_chats", "v1", "2024-01-01"));
        batch.addState("chaport_data", new StateEntry("visitor_chats", "v2", "2024-01-02"));
        batch.addState("chaport_data", new StateEntry("visitors", "", "page-3"));
        batch.addState("chaport_data", new StateEntry("visitors", "", "page-4"));
        batch.complete();
        StateStore state = destination.state();
        state.recordOutcome("chaport_data", "visitors", "1", true, null);
        state.recordOutcome("chaport_data", "visitor_chats", "1", false, "HTTP 429 after 5 retries");

        assertEquals(Optional.of("page-4"), state.cursor("chaport_data", "visitors", ""), "last cursor of a batch wins");
        assertEquals(Optional.of("2024-01-02"), state.cursor("chaport_data", "visitor_chats", "v2"));
        assertEquals(Optional.empty(), state.cursor("chaport_data", "visitor_chats", "v3"));

        List<ResourceState> all = state.all("chaport_data");
        assertEquals(List.of("visitor_chats", "visitors"), all.stream().map(ResourceState::resource).toList());
        ResourceState chats = all.get(0);
        assertEquals(2, chats.parentCursors(), "per-parent cursors of visitor_chats");
        assertNull(chats.cursor());
        assertNull(chats.lastSuccessAt());
        assertNotNull(chats.lastErrorAt());
        assertEquals("HTTP 429 after 5 retries", chats.lastError());
        ResourceState visitors = all.get(1);
        assertEquals("page-4", visitors.cursor(), "recordOutcome keeps the cursor");
        assertEquals(0, visitors.parentCursors());
        assertEquals("1", visitors.lastLoadId());
        assertNotNull(visitors.lastSuccessAt());
    }
}
