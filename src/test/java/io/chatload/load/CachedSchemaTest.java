package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A long-lived destination (chatload's {@code run}) keeps what it learnt of its tables between loads, so an unchanged
 * load reads no metadata; what a user changes by SQL between two loads is found when a write meets it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class CachedSchemaTest extends OnEachDestination {
    private static final TableTarget PEOPLE = new TableTarget("src_data", "people", List.of("id"), WriteDisposition.MERGE);

    private void load(String loadId, String... records) throws SQLException {
        destination.ledger().started("src_data", loadId);
        LoadBatch batch = destination.batch(loadId, 100);
        for (String record : records) {
            batch.add(PEOPLE, json(record));
        }
        batch.addState("src_data", new StateEntry("people", "", loadId));
        batch.complete();
        destination.state().recordOutcome("src_data", "people", loadId, true, null);
        destination.ledger().finished("src_data", loadId, LoadStatus.COMPLETED, Map.of("people", (long) records.length), null);
    }

    @Test
    void aSecondLoadOfTheSameTablesReadsNoMetadata() throws SQLException {
        load("1", "{\"id\":1,\"name\":\"Ann\",\"tags\":[\"a\"]}");
        long before = destination.catalogReads();
        load("2", "{\"id\":2,\"name\":\"Bob\",\"tags\":[\"b\"]}");
        assertEquals(before, destination.catalogReads(), "catalog reads during the second load");
        assertEquals(2, db.count("src_data.people"));
    }

    @Test
    void aTableDroppedBetweenLoadsIsMadeAgain() throws SQLException {
        load("1", "{\"id\":1,\"name\":\"Ann\",\"tags\":[\"a\"]}");
        db.query("DROP TABLE src_data.people__tags", 0);
        db.query("DROP TABLE src_data.people", 0);
        load("2", "{\"id\":2,\"name\":\"Bob\",\"tags\":[\"b\"]}");
        assertRows(List.of(row("id", 2L, "name", "Bob")), db.rows("SELECT id, name FROM src_data.people"), "people");
        assertRows(List.of(row("value", "b")), db.rows("SELECT value FROM src_data.people__tags"), "people__tags");
        assertEquals(Optional.of("2"), destination.state().cursor("src_data", "people", ""));
    }

    @Test
    void aColumnDroppedBetweenLoadsIsAddedAgain() throws SQLException {
        load("1", "{\"id\":1,\"name\":\"Ann\",\"city\":\"Oslo\"}");
        db.query("ALTER TABLE src_data.people DROP COLUMN city", 0);
        load("2", "{\"id\":2,\"name\":\"Bob\",\"city\":\"Rome\"}");
        assertRows(List.of(row("id", 1L, "city", null), row("id", 2L, "city", "Rome")),
                db.rows("SELECT id, city FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void aColumnAddedBetweenLoadsIsLeftAsItIs() throws SQLException {
        load("1", "{\"id\":1,\"name\":\"Ann\"}");
        db.query("ALTER TABLE src_data.people ADD COLUMN note VARCHAR(100)", 0);
        db.query("UPDATE src_data.people SET note = 'kept'", 0);
        load("2", "{\"id\":1,\"name\":\"Anna\"}", "{\"id\":2,\"name\":\"Bob\"}");
        assertRows(List.of(row("id", 1L, "name", "Anna", "note", "kept"), row("id", 2L, "name", "Bob", "note", null)),
                db.rows("SELECT id, name, note FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void bookkeepingTablesDroppedBetweenLoadsAreMadeAgain() throws SQLException {
        load("1", "{\"id\":1}");
        db.query("DROP TABLE src_data._chatload_state", 0);
        db.query("DROP TABLE src_data._chatload_loads", 0);
        load("2", "{\"id\":2}");
        assertEquals(Optional.of("2"), destination.state().cursor("src_data", "people", ""));
        assertEquals(List.of("2"), destination.ledger().recent("src_data", 10).stream().map(LoadRecord::loadId).toList());
    }
}
