package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flushes whose rows go in multi-row statements: more rows than one statement takes, rows as wide as the parameter
 * limit allows few of, keys new and stored in one flush, a key twice in one flush.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class BulkWriteTest extends OnEachDestination {
    private static final TableTarget CHATS = new TableTarget("chaport_data", "chats", List.of("id"), WriteDisposition.MERGE);
    private static final TableTarget EVENTS = new TableTarget("chaport_data", "events", List.of(), WriteDisposition.APPEND);

    private void load(TableTarget target, String loadId, int batchSize, List<Map<String, Object>> records) throws SQLException {
        LoadBatch batch = destination.batch(loadId, batchSize);
        for (Map<String, Object> record : records) {
            batch.add(target, record);
        }
        batch.complete();
    }

    private static Map<String, Object> chat(int id, String status, String... tags) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("id", id);
        chat.put("status", status);
        chat.put("tags", List.of(tags));
        return chat;
    }

    @Test
    void aMergeOfStoredAndNewKeysInOneFlushReplacesTheStoredRowsChildRows() throws SQLException {
        int stored = 2 * RowWrites.MAX_ROWS + 7; // more roots than one statement takes, so several of each statement
        List<Map<String, Object>> first = new ArrayList<>();
        for (int id = 0; id < stored; id++) {
            first.add(chat(id, "open", "a" + id, "b" + id));
        }
        load(CHATS, "1", 1000, first);
        // the odd stored chats change (one tag less), new chats come after them, all in one flush
        List<Map<String, Object>> second = new ArrayList<>();
        for (int id = 1; id < stored + 300; id += 2) {
            second.add(chat(id, "closed", "c" + id));
        }
        load(CHATS, "2", 1000, second);

        int added = (stored + 300 - stored) / 2;
        assertEquals(stored + added, db.count("chaport_data.chats"), "chats");
        assertEquals((stored + 1) / 2, db.count("chaport_data.chats WHERE status = 'open'"), "the even chats untouched");
        assertEquals(stored / 2 + added, db.count("chaport_data.chats WHERE status = 'closed' AND _dlt_load_id = '2'"),
                "the odd and the new chats");
        assertEquals(2L * ((stored + 1) / 2) + stored / 2 + added, db.count("chaport_data.chats__tags"), "tags");
        assertEquals(0, db.count("chaport_data.chats__tags t WHERE NOT EXISTS (SELECT 1 FROM chaport_data.chats c"
                + " WHERE c._dlt_id = t._dlt_root_id)"), "no tag without its chat");
        assertRows(List.of(row("value", "c1")), db.rows("SELECT t.value FROM chaport_data.chats__tags t"
                + " JOIN chaport_data.chats c ON t._dlt_root_id = c._dlt_id WHERE c.id = 1"), "chat 1's tags replaced");
        assertRows(List.of(row("value", "a2"), row("value", "b2")), db.rows("SELECT t.value FROM chaport_data.chats__tags t"
                + " JOIN chaport_data.chats c ON t._dlt_root_id = c._dlt_id WHERE c.id = 2 ORDER BY t.value"),
                "chat 2's tags kept");
    }

    @Test
    void aKeyTwiceInOneFlushWritesTheLastRecordOnce() throws SQLException {
        load(CHATS, "1", 10, List.of(json("{\"id\":\"5\",\"status\":\"stored\"}")));
        // "5" and 5 are two records to the batch (their key hashes differ) but one key in the text key column
        load(CHATS, "2", 10, List.of(json("{\"id\":5,\"status\":\"first\",\"tags\":[\"x\"]}"),
                json("{\"id\":\"6\",\"status\":\"new\"}"), json("{\"id\":\"5\",\"status\":\"last\"}")));
        assertRows(List.of(row("id", "5", "status", "last"), row("id", "6", "status", "new")),
                db.rows("SELECT id, status FROM chaport_data.chats ORDER BY id"), "chats");
    }

    @Test
    void aStoredRowTakesTheNewRecordWholeNullsIncluded() throws SQLException {
        load(CHATS, "1", 10, List.of(json("{\"id\":1,\"status\":\"open\",\"rating\":5,\"meta\":{\"a\":1}}")));
        load(CHATS, "2", 10, List.of(json("{\"id\":1,\"status\":null}"), json("{\"id\":2,\"rating\":3}")));
        assertRows(List.of(row("id", 1L, "status", null, "rating", null, "meta__a", null),
                        row("id", 2L, "status", null, "rating", 3L, "meta__a", null)),
                db.rows("SELECT id, status, rating, meta__a FROM chaport_data.chats ORDER BY id"), "chats");
    }

    @Test
    void jsonColumnsGoInBulkAndKeepTheirValues() throws SQLException {
        TableTarget flat = new TableTarget("chaport_data", "chats", List.of("id"), WriteDisposition.MERGE,
                SchemaContract.EVOLVE.withLimits(0, SchemaContract.DEFAULT_MAX_COLUMNS));
        List<Map<String, Object>> records = new ArrayList<>();
        for (int id = 0; id < RowWrites.MAX_ROWS + 3; id++) {
            records.add(json("{\"id\":" + id + ",\"meta\":{\"n\":" + id + "},\"tags\":" + (id % 2 == 0 ? "[\"t\"]" : "null") + "}"));
        }
        load(flat, "1", 1000, records);
        load(flat, "2", 1000, List.of(json("{\"id\":1,\"meta\":{\"n\":\"one\"},\"tags\":[1,2]}")));
        List<Map<String, Object>> rows = db.rows("SELECT id, meta, tags FROM chaport_data.chats WHERE id IN (1, 2) ORDER BY id");
        assertEquals(2, rows.size(), "rows");
        assertEquals(Map.of("n", "one"), json(String.valueOf(rows.get(0).get("meta"))), "chat 1's meta, updated");
        assertEquals(List.of(1, 2), json("{\"l\":" + rows.get(0).get("tags") + "}").get("l"), "chat 1's tags, updated");
        assertEquals(Map.of("n", 2), json(String.valueOf(rows.get(1).get("meta"))), "chat 2's meta");
        assertEquals(RowWrites.MAX_ROWS + 3, db.count("chaport_data.chats WHERE meta IS NOT NULL"), "every meta stored");
        assertEquals(0, db.count("chaport_data.chats WHERE id = 3 AND tags IS NOT NULL"), "a null list is NULL");
    }

    @Test
    void rowsWiderThanTheParameterLimitAllowsManyOfGoInSeveralStatements() throws SQLException {
        int columns = 400; // with the system columns, 32 767 parameters hold 81 such rows
        int rows = 300;
        List<Map<String, Object>> records = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int c = 0; c < columns; c++) {
                record.put("c" + c, (long) r * columns + c);
            }
            records.add(record);
        }
        load(EVENTS, "1", rows, records);
        TableTarget wideMerge = new TableTarget("chaport_data", "wide", List.of("c0"), WriteDisposition.MERGE);
        load(wideMerge, "1", rows, records);
        load(wideMerge, "2", rows, records.subList(0, 100));
        assertEquals(rows, db.count("chaport_data.events"), "appended rows");
        assertEquals(rows, db.count("chaport_data.wide"), "merged rows");
        assertEquals(100, db.count("chaport_data.wide WHERE _dlt_load_id = '2'"), "rows merged again");
        long last = (long) (rows - 1) * columns + columns - 1;
        assertEquals(1, db.count("chaport_data.events WHERE c399 = " + last), "the last value of the last row");
        assertEquals(1, db.count("chaport_data.wide WHERE c399 = " + last), "the last value of the last merged row");
    }

    @Test
    void aMergeOnAKeyOfSeveralColumnsFindsItsStoredRowsInBulk() throws SQLException {
        TableTarget events = new TableTarget("chaport_data", "chat_events", List.of("visitorId", "chatId", "id"),
                WriteDisposition.MERGE);
        int stored = RowWrites.MAX_ROWS + 50;
        List<Map<String, Object>> first = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            first.add(json("{\"visitorId\":\"v" + i % 7 + "\",\"chatId\":\"c" + i + "\",\"id\":" + i + ",\"tags\":[\"old\"]}"));
        }
        load(events, "1", 1000, first);
        // the second half of the stored events again, with new tags, then as many new ones
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = stored / 2; i < stored + stored / 2; i++) {
            second.add(json("{\"visitorId\":\"v" + i % 7 + "\",\"chatId\":\"c" + i + "\",\"id\":" + i + ",\"tags\":[\"new\"]}"));
        }
        load(events, "2", 1000, second);
        assertEquals(stored + stored / 2, db.count("chaport_data.chat_events"), "events");
        assertEquals(stored / 2, db.count("chaport_data.chat_events__tags WHERE value = 'old'"), "tags of the first half kept");
        assertEquals(stored, db.count("chaport_data.chat_events__tags WHERE value = 'new'"), "tags of the rest");
        assertEquals(0, db.count("chaport_data.chat_events__tags t WHERE NOT EXISTS (SELECT 1 FROM chaport_data.chat_events e"
                + " WHERE e._dlt_id = t._dlt_root_id)"), "no tag without its event");
    }

    @Test
    void longTextsGoInStatementsThatTheServerTakes() throws SQLException {
        // 40 rows of 400 000 characters: 16 M characters, past MariaDB's default packet of 16 MB as one statement
        String text = "é".repeat(400_000);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int id = 0; id < 40; id++) {
            records.add(Map.of("id", id, "body", id + text));
        }
        load(CHATS, "1", 100, records);
        assertEquals(40, db.count("chaport_data.chats"), "chats");
        assertEquals(List.of(row("id", 39L, "body", 39 + text)),
                db.rows("SELECT id, body FROM chaport_data.chats WHERE id = 39"), "the last text whole");
    }
}
