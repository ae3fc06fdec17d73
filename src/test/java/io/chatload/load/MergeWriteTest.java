package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class MergeWriteTest extends OnEachDestination {
    private static final TableTarget VISITORS = new TableTarget("chaport_data", "visitors", List.of("id"), WriteDisposition.MERGE);
    private static final TableTarget CHATS = new TableTarget("chaport_data", "chats", List.of("id"), WriteDisposition.MERGE);

    private void load(TableTarget target, String loadId, String... records) throws SQLException {
        LoadBatch batch = destination.batch(loadId, 2);
        for (String record : records) {
            batch.add(target, json(record));
        }
        batch.complete();
    }

    @Test
    void plainUnquotedSqlFindsTablesAndColumns() throws SQLException {
        load(VISITORS, "1", "{\"id\":\"v1\",\"name\":\"Ann\",\"lastSeen\":\"2017-10-03T10:47:31.873Z\",\"utm\":{\"source\":\"google\"}}");
        assertRows(List.of(row("id", "v1", "name", "Ann", "utm__source", "google")),
                db.rows("SELECT * FROM chaport_data.visitors"), "visitors");
        List<Map<String, Object>> rows = db.rows("SELECT id, last_seen FROM chaport_data.visitors");
        assertEquals(List.of("id", "last_seen"), List.copyOf(rows.get(0).keySet()));
        assertEquals(java.time.OffsetDateTime.parse("2017-10-03T10:47:31.873Z").toInstant(),
                ((java.time.OffsetDateTime) rows.get(0).get("last_seen")).toInstant(), "last_seen is a timestamp");
    }

    @Test
    void reloadingTheSameRecordsChangesNothing() throws SQLException {
        String[] records = {"{\"id\":1,\"name\":\"Ann\",\"tags\":[\"a\",\"b\"]}", "{\"id\":2,\"name\":\"Bob\",\"tags\":[\"c\"]}",
            "{\"id\":3,\"name\":\"Cy\"}"};
        load(VISITORS, "1", records);
        List<Map<String, Object>> before = db.rows("SELECT id, name, _dlt_id FROM chaport_data.visitors ORDER BY id");
        load(VISITORS, "2", records);
        assertEquals(3, db.count("chaport_data.visitors"), "visitors");
        assertEquals(3, db.count("chaport_data.visitors__tags"), "tags");
        assertRows(before, db.rows("SELECT id, name, _dlt_id FROM chaport_data.visitors ORDER BY id"),
                "same _dlt_id after upsert");
        assertEquals(3, db.count("chaport_data.visitors WHERE _dlt_load_id = '2'"), "rows carry the newest load id");
        for (Map<String, Object> row : db.rows("SELECT _dlt_id FROM chaport_data.visitors UNION ALL "
                + "SELECT _dlt_id FROM chaport_data.visitors__tags")) {
            assertTrue(((String) row.get("_dlt_id")).matches("[A-Za-z0-9+/]{14}"), "dlt-style _dlt_id (base64 of 10 bytes): " + row);
        }
    }

    @Test
    void aChangedRecordUpdatesItsRowAndReplacesItsChildRows() throws SQLException {
        load(CHATS, "1", "{\"id\":1,\"status\":\"open\",\"events\":[{\"type\":\"a\"},{\"type\":\"b\"},{\"type\":\"c\"}]}",
                "{\"id\":2,\"status\":\"open\",\"events\":[{\"type\":\"x\"}]}");
        load(CHATS, "2", "{\"id\":1,\"status\":\"closed\",\"events\":[{\"type\":\"a\"},{\"type\":\"z\"}]}");
        assertRows(List.of(row("id", 1L, "status", "closed"), row("id", 2L, "status", "open")),
                db.rows("SELECT id, status FROM chaport_data.chats ORDER BY id"), "chats");
        assertRows(List.of(row("type", "a", "_dlt_list_idx", 0L), row("type", "z", "_dlt_list_idx", 1L)),
                db.rows("SELECT e.type, e._dlt_list_idx FROM chaport_data.chats__events e JOIN chaport_data.chats c"
                        + " ON e._dlt_root_id = c._dlt_id WHERE c.id = 1 ORDER BY e._dlt_list_idx"), "events of chat 1");
        assertEquals(1, db.count("chaport_data.chats__events e JOIN chaport_data.chats c ON e._dlt_parent_id = c._dlt_id"
                + " WHERE c.id = 2"), "events of chat 2 untouched");
    }

    @Test
    void aListThatBecameEmptyLeavesNoChildRows() throws SQLException {
        load(CHATS, "1", "{\"id\":1,\"events\":[{\"type\":\"a\"}]}");
        load(CHATS, "2", "{\"id\":1,\"events\":[]}");
        assertEquals(0, db.count("chaport_data.chats__events"), "events");
    }

    @Test
    void withinOneBatchTheLastRecordPerKeyWins() throws SQLException {
        LoadBatch batch = destination.batch("1", 100);
        batch.add(VISITORS, json("{\"id\":1,\"name\":\"first\"}"));
        batch.add(VISITORS, json("{\"id\":1,\"name\":\"second\"}"));
        batch.complete();
        assertRows(List.of(row("id", 1L, "name", "second")), db.rows("SELECT id, name FROM chaport_data.visitors"), "visitors");
        assertEquals(Map.of("visitors", 1L), batch.rowsPerTable("chaport_data"));
    }

    @Test
    void keyFieldsMatchTheirColumnNames() throws SQLException {
        TableTarget target = new TableTarget("chaport_data", "chats", List.of("visitorId", "chat_id"), WriteDisposition.MERGE);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(target, json("{\"visitorId\":\"v\",\"chatId\":1,\"n\":1}"));
        batch.add(target, json("{\"visitorId\":\"v\",\"chatId\":1,\"n\":2}"));
        batch.add(target, json("{\"visitorId\":\"v\",\"chatId\":2,\"n\":3}"));
        batch.complete();
        assertRows(List.of(row("chat_id", 1L, "n", 2L), row("chat_id", 2L, "n", 3L)),
                db.rows("SELECT chat_id, n FROM chaport_data.chats ORDER BY chat_id"), "chats");
    }

    @Test
    void aRecordWithoutItsKeyIsRefusedNamingTableAndField() throws SQLException {
        LoadBatch batch = destination.batch("1", 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batch.add(VISITORS, json("{\"name\":\"x\"}")));
        assertTrue(e.getMessage().contains("visitors") && e.getMessage().contains("'id'"), e.getMessage());
        batch.add(VISITORS, json("{\"id\":1}"));
        batch.complete();
        assertEquals(1, db.count("chaport_data.visitors"), "the batch goes on after a refused record");
    }

    @Test
    void mergeTablesHaveAPrimaryKey() throws SQLException {
        load(VISITORS, "1", "{\"id\":1}");
        List<Map<String, Object>> keys = db.rows("SELECT kcu.column_name AS column_name"
                + " FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu"
                + " ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema"
                + " AND kcu.table_name = tc.table_name WHERE tc.constraint_type = 'PRIMARY KEY'"
                + " AND tc.table_schema = '" + db.storedSchema("chaport_data") + "'"
                + " AND tc.table_name = '" + destination.dialect().fold("visitors") + "'");
        assertRows(List.of(row("column_name", destination.dialect().fold("id"))), keys, "primary key of visitors");
    }
}
