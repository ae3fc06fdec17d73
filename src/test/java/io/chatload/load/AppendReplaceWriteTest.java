package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class AppendReplaceWriteTest extends OnEachDestination {
    private static final TableTarget EVENTS = new TableTarget("chaport_data", "events", List.of(), WriteDisposition.APPEND);
    private static final TableTarget BOTS = new TableTarget("chatforma_data", "bots", List.of("id"), WriteDisposition.REPLACE);

    private LoadBatch load(TableTarget target, String loadId, String... records) throws SQLException {
        LoadBatch batch = destination.batch(loadId, 2);
        batch.use(target);
        for (String record : records) {
            batch.add(target, json(record));
        }
        batch.complete();
        return batch;
    }

    @Test
    void appendKeepsEveryRecordWithItsOwnId() throws SQLException {
        load(EVENTS, "1", "{\"type\":\"open\"}", "{\"type\":\"open\"}");
        LoadBatch second = load(EVENTS, "2", "{\"type\":\"close\",\"tags\":[\"x\"]}");
        assertRows(List.of(row("type", "close"), row("type", "open"), row("type", "open")),
                db.rows("SELECT type FROM chaport_data.events ORDER BY type"), "events");
        assertEquals(3, db.count("(SELECT DISTINCT _dlt_id FROM chaport_data.events) d"), "distinct _dlt_id");
        assertEquals(Map.of("events", 1L, "events__tags", 1L), second.rowsPerTable("chaport_data"));
    }

    @Test
    void replaceSwapsWholeTablesOnlyAtComplete() throws SQLException {
        load(BOTS, "1", "{\"id\":1,\"name\":\"old-a\",\"steps\":[1,2]}", "{\"id\":2,\"name\":\"old-b\",\"steps\":[3]}");

        LoadBatch batch = destination.batch("2", 1);
        batch.add(BOTS, json("{\"id\":3,\"name\":\"new\",\"steps\":[4]}"));
        batch.addState("chatforma_data", new StateEntry("bots", "", "c2"));
        batch.flush();
        assertRows(List.of(row("id", 1L, "name", "old-a"), row("id", 2L, "name", "old-b")),
                db.rows("SELECT id, name FROM chatforma_data.bots ORDER BY id"), "live bots before complete");
        assertEquals(3, db.count("chatforma_data.bots__steps"), "live steps before complete");
        assertEquals(java.util.Optional.empty(), destination.state().cursor("chatforma_data", "bots", ""),
                "the cursor waits for the swap");

        batch.complete();
        assertRows(List.of(row("id", 3L, "name", "new")), db.rows("SELECT id, name FROM chatforma_data.bots"),
                "live bots after complete");
        assertRows(List.of(row("value", 4L)), db.rows("SELECT value FROM chatforma_data.bots__steps"), "steps after complete");
        assertEquals(java.util.Optional.of("c2"), destination.state().cursor("chatforma_data", "bots", ""));
        assertEquals(0, db.count("chatforma_data_staging.bots"), "staging emptied");
    }

    @Test
    void rowsLeftInStagingByACrashedRunNeverGoLive() throws SQLException {
        load(BOTS, "1", "{\"id\":1}");
        LoadBatch crashed = destination.batch("2", 1);
        crashed.add(BOTS, json("{\"id\":99,\"steps\":[1]}"));
        crashed.flush();
        // the crashed run never completes
        load(BOTS, "3", "{\"id\":2}");
        assertRows(List.of(row("id", 2L)), db.rows("SELECT id FROM chatforma_data.bots"), "bots");
        assertEquals(0, db.count("chatforma_data.bots__steps"), "steps");
    }

    /** dlt keeps a table name's {@code __}: bots__Extra is a root of its own, and so are its child tables. */
    @Test
    void aResourceNamedLikeAChildPathStaysOutOfTheSwap() throws SQLException {
        TableTarget botsExtra = new TableTarget("chatforma_data", "bots__Extra", List.of(), WriteDisposition.APPEND);
        load(botsExtra, "1", "{\"n\":1,\"items\":[1]}");
        load(BOTS, "2", "{\"id\":1,\"steps\":[1]}");
        load(BOTS, "3", "{\"id\":2}");
        assertEquals(1, db.count("chatforma_data.bots__extra"), "table names are normalised as dlt's table paths");
        assertEquals(1, db.count("chatforma_data.bots__extra__items"), "its child table");
        assertEquals(0, db.count("chatforma_data.bots__steps"), "the replaced child table of bots");
    }

    @Test
    void replacingWithNothingEmptiesTheTables() throws SQLException {
        load(BOTS, "1", "{\"id\":1,\"steps\":[1]}");
        load(BOTS, "2");
        assertEquals(0, db.count("chatforma_data.bots"), "bots");
        assertEquals(0, db.count("chatforma_data.bots__steps"), "steps");
    }
}
