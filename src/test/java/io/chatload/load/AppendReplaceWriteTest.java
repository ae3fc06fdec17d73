package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.count;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static io.chatload.load.TestDestinations.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppendReplaceWriteTest {
    private static final TableTarget EVENTS = new TableTarget("chaport_data", "events", List.of(), WriteDisposition.APPEND);
    private static final TableTarget BOTS = new TableTarget("chatforma_data", "bots", List.of("id"), WriteDisposition.REPLACE);

    private Destination destination;

    @BeforeEach
    void connect() throws SQLException {
        destination = TestDestinations.fresh();
    }

    @AfterEach
    void close() {
        destination.close();
    }

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
                rows(destination, "SELECT type FROM chaport_data.events ORDER BY type"), "events");
        assertEquals(3, count(destination, "(SELECT DISTINCT _dlt_id FROM chaport_data.events)"), "distinct _dlt_id");
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
                rows(destination, "SELECT id, name FROM chatforma_data.bots ORDER BY id"), "live bots before complete");
        assertEquals(3, count(destination, "chatforma_data.bots__steps"), "live steps before complete");
        assertEquals(java.util.Optional.empty(), destination.state().cursor("chatforma_data", "bots", ""),
                "the cursor waits for the swap");

        batch.complete();
        assertRows(List.of(row("id", 3L, "name", "new")), rows(destination, "SELECT id, name FROM chatforma_data.bots"),
                "live bots after complete");
        assertRows(List.of(row("value", 4L)), rows(destination, "SELECT value FROM chatforma_data.bots__steps"), "steps after complete");
        assertEquals(java.util.Optional.of("c2"), destination.state().cursor("chatforma_data", "bots", ""));
        assertEquals(0, count(destination, "chatforma_data_staging.bots"), "staging emptied");
    }

    @Test
    void rowsLeftInStagingByACrashedRunNeverGoLive() throws SQLException {
        load(BOTS, "1", "{\"id\":1}");
        LoadBatch crashed = destination.batch("2", 1);
        crashed.add(BOTS, json("{\"id\":99,\"steps\":[1]}"));
        crashed.flush();
        // the crashed run never completes
        load(BOTS, "3", "{\"id\":2}");
        assertRows(List.of(row("id", 2L)), rows(destination, "SELECT id FROM chatforma_data.bots"), "bots");
        assertEquals(0, count(destination, "chatforma_data.bots__steps"), "steps");
    }

    @Test
    void aResourceNamedLikeAChildTableGetsAPlainNameAndStaysOutOfTheSwap() throws SQLException {
        TableTarget botsSteps = new TableTarget("chatforma_data", "bots__Steps", List.of(), WriteDisposition.APPEND);
        load(botsSteps, "1", "{\"n\":1,\"items\":[1]}");
        load(BOTS, "2", "{\"id\":1,\"steps\":[1]}");
        load(BOTS, "3", "{\"id\":2}");
        assertEquals(1, count(destination, "chatforma_data.bots_steps"), "table names are normalised like keys");
        assertEquals(1, count(destination, "chatforma_data.bots_steps__items"), "its child table");
        assertEquals(0, count(destination, "chatforma_data.bots__steps"), "the replaced child table of bots");
    }

    @Test
    void replacingWithNothingEmptiesTheTables() throws SQLException {
        load(BOTS, "1", "{\"id\":1,\"steps\":[1]}");
        load(BOTS, "2");
        assertEquals(0, count(destination, "chatforma_data.bots"), "bots");
        assertEquals(0, count(destination, "chatforma_data.bots__steps"), "steps");
    }
}
