package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class TransactionTest extends OnEachDestination {
    private static final TableTarget CHATS = new TableTarget("chaport_data", "chats", List.of("id"), WriteDisposition.MERGE);

    @BeforeEach
    void prepare() throws SQLException {
        // a constraint the loader knows nothing about makes a child row fail after its root row was written
        db.query("CREATE SCHEMA chaport_data", 0);
        db.query("CREATE TABLE chaport_data.chats__events (type VARCHAR(100) CHECK (type <> 'boom'))", 0);
    }

    @Test
    void aFailingFlushLeavesNeitherRowsNorState() throws SQLException {
        LoadBatch first = destination.batch("1", 100);
        first.add(CHATS, json("{\"id\":1,\"status\":\"open\",\"events\":[{\"type\":\"a\"}]}"));
        first.addState("chaport_data", new StateEntry("chats", "", "c1"));
        first.addState("chaport_data", new StateEntry("visitor_chats", "v1", "p1"));
        first.complete();

        LoadBatch second = destination.batch("2", 100);
        second.add(CHATS, json("{\"id\":1,\"status\":\"closed\",\"events\":[{\"type\":\"b\"}]}"));
        second.add(CHATS, json("{\"id\":2,\"status\":\"open\",\"events\":[{\"type\":\"boom\"}]}"));
        second.addState("chaport_data", new StateEntry("chats", "", "c2"));
        second.addState("chaport_data", new StateEntry("visitor_chats", "v1", "p2"));
        assertThrows(SQLException.class, second::flush);

        assertRows(List.of(row("id", 1L, "status", "open")), db.rows("SELECT id, status FROM chaport_data.chats"), "chats");
        assertRows(List.of(row("type", "a")), db.rows("SELECT type FROM chaport_data.chats__events"), "events");
        assertEquals(Optional.of("c1"), destination.state().cursor("chaport_data", "chats", ""), "resource cursor");
        assertEquals(Optional.of("p1"), destination.state().cursor("chaport_data", "visitor_chats", "v1"), "per-parent cursor");
        assertEquals(Map.of(), second.rowsPerTable("chaport_data"), "nothing counted as written");
        IllegalStateException after = assertThrows(IllegalStateException.class,
                () -> second.add(CHATS, json("{\"id\":3}")));
        assertInstanceOf(SQLException.class, after.getCause(), "the batch stays failed: " + after.getMessage());
    }

    @Test
    void aFailingAutomaticFlushSurfacesFromAdd() throws SQLException {
        LoadBatch batch = destination.batch("1", 1);
        LoadException e = assertThrows(LoadException.class,
                () -> batch.add(CHATS, json("{\"id\":1,\"events\":[{\"type\":\"boom\"}]}")));
        assertEquals(0, db.count("chaport_data.chats"), "chats: " + e.getMessage());
    }
}
