package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** One batch for a resource tree: visitors fan out to their chats, each chat has events; a cursor per visitor. */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class LoadBatchTest extends OnEachDestination {
    private static final String SCHEMA = "chaport_data";
    private static final TableTarget VISITORS = new TableTarget(SCHEMA, "visitors", List.of("id"), WriteDisposition.MERGE);
    /** The visitor detail resource: spelled differently, the same table and key once normalised. */
    private static final TableTarget VISITOR = new TableTarget(SCHEMA, "Visitors", List.of("ID"), WriteDisposition.MERGE);
    private static final TableTarget CHATS = new TableTarget(SCHEMA, "chats", List.of("id"), WriteDisposition.MERGE);
    private static final TableTarget OPERATORS = new TableTarget(SCHEMA, "operators", List.of("id"), WriteDisposition.REPLACE);

    private static Map<String, Object> visitor(String id, String name) {
        return json("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}");
    }

    private static Map<String, Object> chat(String visitor, int n, String... events) {
        StringBuilder list = new StringBuilder();
        for (String type : events) {
            list.append(list.isEmpty() ? "" : ",").append("{\"type\":\"").append(type).append("\"}");
        }
        return json("{\"id\":\"" + visitor + "-c" + n + "\",\"visitorId\":\"" + visitor + "\",\"events\":[" + list + "]}");
    }

    private static StateEntry cursor(String visitor, String lastChatAt) {
        return new StateEntry("visitor_chats", visitor, lastChatAt);
    }

    /** Rows per data table of the schema; tables not made yet are absent. */
    private Map<String, Long> stored() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableInfo table : destination.tables(SCHEMA)) {
            if (!table.name().startsWith("_")) {
                counts.put(table.name(), table.rowCount());
            }
        }
        return counts;
    }

    @Test
    void oneFlushCommitsRowsOfTwoTablesAndStateTogetherOrNothing() throws SQLException {
        // a constraint the loader knows nothing about makes the events of a chat fail after visitors and chats were written
        db.query("CREATE SCHEMA chaport_data", 0);
        db.query("CREATE TABLE chaport_data.chats__events (type VARCHAR(100) CHECK (type <> 'boom'))", 0);
        LoadBatch batch = destination.batch("1", 100);
        batch.add(VISITORS, visitor("v1", "Ann"));
        batch.add(CHATS, chat("v1", 1, "open"));
        batch.addState(SCHEMA, cursor("v1", "T1"));
        assertEquals(Map.of("chats__events", 0L), stored(), "nothing before the flush");
        batch.flush();
        assertEquals(Map.of("chats", 1L, "chats__events", 1L, "visitors", 1L), stored(), "after the flush");
        assertEquals(Map.of("v1", "T1"), destination.state().cursors(SCHEMA, "visitor_chats"));

        batch.add(VISITORS, visitor("v2", "Bob"));
        batch.add(CHATS, chat("v2", 1, "open", "boom"));
        batch.addState(SCHEMA, cursor("v2", "T2"));
        assertThrows(SQLException.class, batch::flush);
        assertEquals(Map.of("chats", 1L, "chats__events", 1L, "visitors", 1L), stored(), "the failed flush left no rows");
        assertEquals(Map.of("v1", "T1"), destination.state().cursors(SCHEMA, "visitor_chats"), "nor its cursor");
        assertThrows(IllegalStateException.class, () -> batch.add(VISITORS, visitor("v3", "Cy")), "the batch stays failed");
    }

    @Test
    void aCursorIsNeverVisibleBeforeTheRowsItCovers() throws SQLException {
        int[] chatsPerVisitor = {2, 0, 3, 1, 4, 1};
        // 3 root records per flush: flushes fall before, inside and after a visitor's chats
        LoadBatch batch = destination.batch("1", 3);
        int cursorsSeenEarly = 0;
        for (int v = 0; v < chatsPerVisitor.length; v++) {
            String id = "v" + v;
            batch.add(VISITORS, visitor(id, "name" + v));
            assertCursorsCoverTheirRows(chatsPerVisitor);
            for (int c = 0; c < chatsPerVisitor[v]; c++) {
                batch.add(CHATS, chat(id, c, "open", "close"));
                assertCursorsCoverTheirRows(chatsPerVisitor);
            }
            batch.addState(SCHEMA, cursor(id, "T" + v));
            cursorsSeenEarly = assertCursorsCoverTheirRows(chatsPerVisitor);
        }
        assertTrue(cursorsSeenEarly > 0 && cursorsSeenEarly < chatsPerVisitor.length,
                "automatic flushes committed some cursors, the last ones wait: " + cursorsSeenEarly);
        batch.complete();
        assertEquals(chatsPerVisitor.length, assertCursorsCoverTheirRows(chatsPerVisitor), "every cursor after complete");
    }

    /** Each visible cursor's visitor has its row, all its chats and all their events; gives how many cursors are visible. */
    private int assertCursorsCoverTheirRows(int[] chatsPerVisitor) throws SQLException {
        Map<String, String> cursors = destination.state().cursors(SCHEMA, "visitor_chats");
        for (String visitor : cursors.keySet()) {
            int chats = chatsPerVisitor[Integer.parseInt(visitor.substring(1))];
            String where = " WHERE c.visitor_id = '" + visitor + "'";
            assertEquals(1, db.count("chaport_data.visitors WHERE id = '" + visitor + "'"), "visitor " + visitor);
            if (chats > 0) {
                assertEquals(chats, db.count("chaport_data.chats c" + where), "chats of " + visitor);
                assertEquals(2L * chats, db.count("chaport_data.chats__events e JOIN chaport_data.chats c"
                        + " ON e._dlt_root_id = c._dlt_id" + where), "events of " + visitor);
            }
        }
        return cursors.size();
    }

    @Test
    void twoTargetsOnOneTableShareTheLastRecordPerKey() throws SQLException {
        LoadBatch batch = destination.batch("1", 100);
        batch.add(VISITORS, json("{\"id\":\"v1\",\"name\":\"from list\",\"tags\":[\"a\",\"b\"]}"));
        batch.add(VISITOR, json("{\"id\":\"v1\",\"name\":\"from detail\",\"tags\":[\"c\"]}"));
        batch.add(VISITOR, json("{\"id\":\"v2\",\"name\":\"from detail\",\"tags\":[\"d\"]}"));
        batch.add(VISITORS, json("{\"id\":\"v2\",\"name\":\"from list\"}"));
        batch.complete();
        assertRows(List.of(row("id", "v1", "name", "from detail"), row("id", "v2", "name", "from list")),
                db.rows("SELECT id, name FROM chaport_data.visitors ORDER BY id"), "within a batch");
        assertRows(List.of(row("id", "v1", "value", "c")), db.rows("SELECT v.id, t.value FROM"
                + " chaport_data.visitors__tags t JOIN chaport_data.visitors v ON t._dlt_root_id = v._dlt_id"), "tags");
        assertEquals(Map.of("visitors", 2L, "visitors__tags", 1L), batch.rowsPerTable(SCHEMA), "one row per key");

        LoadBatch next = destination.batch("2", 1);
        next.add(VISITOR, json("{\"id\":\"v2\",\"name\":\"detail again\",\"tags\":[\"x\",\"y\"]}"));
        assertRows(List.of(row("value", "x"), row("value", "y")),
                db.rows("SELECT value FROM chaport_data.visitors__tags WHERE value <> 'c' ORDER BY value"),
                "the detail's tags, flushed");
        next.add(VISITORS, json("{\"id\":\"v2\",\"name\":\"list again\",\"tags\":[\"z\"]}"));
        next.complete();
        assertRows(List.of(row("id", "v1", "name", "from detail"), row("id", "v2", "name", "list again")),
                db.rows("SELECT id, name FROM chaport_data.visitors ORDER BY id"), "across batches");
        assertRows(List.of(row("id", "v1", "value", "c"), row("id", "v2", "value", "z")), db.rows(
                "SELECT v.id, t.value FROM chaport_data.visitors__tags t JOIN chaport_data.visitors v"
                        + " ON t._dlt_root_id = v._dlt_id ORDER BY v.id"), "v2's tags replaced");
    }

    @Test
    void targetsOnOneTableMustWriteItTheSameWay() {
        LoadBatch batch = destination.batch("1", 100);
        batch.add(VISITORS, visitor("v1", "Ann"));
        TableTarget appending = new TableTarget(SCHEMA, "visitors", List.of(), WriteDisposition.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batch.add(appending, visitor("v1", "Ann")));
        assertTrue(e.getMessage().contains("chaport_data.visitors") && e.getMessage().contains("append"), e.getMessage());
    }

    @Test
    void theAutomaticFlushCountsRootRecordsOfAllTargets() throws SQLException {
        LoadBatch batch = destination.batch("1", 3);
        batch.add(VISITORS, json("{\"id\":\"v1\",\"tags\":[1,2,3,4,5]}"));
        batch.add(VISITOR, json("{\"id\":\"v1\",\"tags\":[1,2,3,4,5]}"));
        batch.add(CHATS, chat("v1", 1, "open", "close"));
        assertEquals(Map.of(), stored(), "2 root records (one visitor added twice, one chat), child rows not counted");
        batch.add(CHATS, chat("v1", 2));
        assertEquals(Map.of("visitors", 1L, "visitors__tags", 5L, "chats", 2L, "chats__events", 2L), stored(),
                "the third root record flushed every table");
        batch.complete();
    }

    @Test
    void rowsPerTableCountsCommittedRowsOfOneSchema() throws SQLException {
        TableTarget bots = new TableTarget("chatforma_data", "bots", List.of(), WriteDisposition.APPEND);
        LoadBatch batch = destination.batch("1", 2);
        batch.add(VISITORS, json("{\"id\":\"v1\",\"tags\":[\"a\",\"b\"]}"));
        assertEquals(Map.of(), batch.rowsPerTable(SCHEMA), "nothing committed yet");
        batch.add(bots, json("{\"name\":\"b1\"}"));
        batch.add(VISITORS, json("{\"id\":\"v1\",\"tags\":[\"c\"]}"));
        batch.add(CHATS, chat("v1", 1, "open"));
        batch.complete();
        assertEquals(Map.of("visitors", 2L, "visitors__tags", 3L, "chats", 1L, "chats__events", 1L),
                batch.rowsPerTable(SCHEMA), "rows written, summed over flushes");
        assertEquals(Map.of("bots", 1L), batch.rowsPerTable("chatforma_data"));
        assertEquals(Map.of("bots", 1L), batch.rowsPerTable("Chatforma_Data"), "schema names are normalised");
        assertEquals(Map.of(), batch.rowsPerTable("other_data"));
    }

    @Test
    void replaceAndMergeInOneBatch() throws SQLException {
        LoadBatch earlier = destination.batch("1", 10);
        earlier.add(OPERATORS, json("{\"id\":\"o1\",\"skills\":[\"a\"]}"));
        earlier.add(OPERATORS, json("{\"id\":\"o2\",\"skills\":[\"b\"]}"));
        earlier.complete();

        LoadBatch batch = destination.batch("2", 1);
        batch.add(VISITORS, visitor("v1", "Ann"));
        batch.addState(SCHEMA, new StateEntry("visitors", "", "page-1"));
        batch.flush();
        assertEquals(Optional.of("page-1"), destination.state().cursor(SCHEMA, "visitors", ""),
                "state added before the batch used a REPLACE target commits at the flush");
        batch.add(OPERATORS, json("{\"id\":\"o3\",\"skills\":[\"c\",\"d\"]}"));
        batch.add(VISITORS, visitor("v2", "Bob"));
        batch.addState(SCHEMA, new StateEntry("operators", "", "all"));
        batch.addState(SCHEMA, new StateEntry("visitors", "", "page-2"));
        batch.flush();

        assertRows(List.of(row("id", "v1"), row("id", "v2")),
                db.rows("SELECT id FROM chaport_data.visitors ORDER BY id"), "merged visitors before complete");
        assertRows(List.of(row("id", "o1"), row("id", "o2")),
                db.rows("SELECT id FROM chaport_data.operators ORDER BY id"), "live operators untouched");
        assertEquals(2, db.count("chaport_data.operators__skills"), "live skills untouched");
        assertEquals(Optional.empty(), destination.state().cursor(SCHEMA, "operators", ""), "waits for the swap");
        assertEquals(Optional.of("page-1"), destination.state().cursor(SCHEMA, "visitors", ""),
                "state added once a REPLACE target is used waits for the swap too");

        batch.complete();
        assertRows(List.of(row("id", "o3")), db.rows("SELECT id FROM chaport_data.operators"), "operators swapped");
        assertRows(List.of(row("value", "c"), row("value", "d")),
                db.rows("SELECT value FROM chaport_data.operators__skills ORDER BY value"), "skills swapped");
        assertRows(List.of(row("id", "v1"), row("id", "v2")),
                db.rows("SELECT id FROM chaport_data.visitors ORDER BY id"), "visitors after complete");
        assertEquals(Optional.of("all"), destination.state().cursor(SCHEMA, "operators", ""));
        assertEquals(Optional.of("page-2"), destination.state().cursor(SCHEMA, "visitors", ""));
        assertEquals(Map.of("visitors", 2L, "operators", 1L, "operators__skills", 2L), batch.rowsPerTable(SCHEMA));
    }

    @Test
    void everyReplaceTargetSwapsInOneTransaction() throws SQLException {
        TableTarget bots = new TableTarget(SCHEMA, "bots", List.of(), WriteDisposition.REPLACE);
        LoadBatch earlier = destination.batch("1", 10);
        earlier.add(OPERATORS, json("{\"id\":\"o1\"}"));
        earlier.add(bots, json("{\"name\":\"old\"}"));
        earlier.complete();
        // a constraint the loader knows nothing about makes the second swap fail: the first must not go live alone
        db.query("ALTER TABLE chaport_data.bots ADD CONSTRAINT no_boom CHECK (name <> 'boom')", 0);

        LoadBatch batch = destination.batch("2", 10);
        batch.add(OPERATORS, json("{\"id\":\"o2\"}"));
        batch.add(bots, json("{\"name\":\"boom\"}"));
        batch.addState(SCHEMA, new StateEntry("operators", "", "all"));
        assertThrows(SQLException.class, batch::complete);
        assertRows(List.of(row("id", "o1")), db.rows("SELECT id FROM chaport_data.operators"), "operators");
        assertRows(List.of(row("name", "old")), db.rows("SELECT name FROM chaport_data.bots"), "bots");
        assertEquals(Optional.empty(), destination.state().cursor(SCHEMA, "operators", ""), "no cursor");
    }
}
