package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A schema an older chatload wrote (text columns as {@code text} on PostgreSQL, nullable {@code _dlt_} columns,
 * {@code _dlt_root_id} on every child table, its own row ids) is brought to dlt's layout in place at the next start,
 * and goes on loading without mixing the layouts.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class LayoutMigrationTest extends OnEachDestination {
    private static final TableTarget VISITORS = new TableTarget("chaport_data", "visitors", List.of(), WriteDisposition.APPEND);
    private static final TableTarget CHATS = new TableTarget("chaport_data", "chats", List.of("id"), WriteDisposition.MERGE);

    /** The tables as the version before dlt's layout made them, with a row each. */
    private void oldLayout() throws SQLException {
        String text = switch (kind) {
            case H2 -> "CHARACTER VARYING";
            case POSTGRES -> "TEXT";
            case MARIADB -> "LONGTEXT";
        };
        String child = " (value " + text + ", _dlt_root_id " + text + ", _dlt_parent_id " + text
                + ", _dlt_list_idx BIGINT, _dlt_id " + text + ")";
        db.destination().query(db.destination().dialect().createSchema("chaport_data"), 0);
        for (String sql : List.of(
                "CREATE TABLE chaport_data.visitors (name " + text + ", _dlt_load_id " + text + ", _dlt_id " + text + ")",
                "CREATE TABLE chaport_data.visitors__tags" + child,
                // a child table whose root key came later: an old row has none
                "CREATE TABLE chaport_data.visitors__notes" + child,
                "CREATE TABLE chaport_data.chats (id BIGINT PRIMARY KEY, status " + text + ", _dlt_load_id " + text
                        + ", _dlt_id " + text + ")",
                "CREATE TABLE chaport_data.chats__events" + child,
                "INSERT INTO chaport_data.visitors VALUES ('Ann', 'old', 'v-old')",
                "INSERT INTO chaport_data.visitors__tags VALUES ('a', 'v-old', 'v-old', 0, 't-old')",
                "INSERT INTO chaport_data.visitors__notes VALUES ('n', NULL, 'v-old', 0, 'n-old')",
                "INSERT INTO chaport_data.chats VALUES (1, 'open', 'old', 'c-old')",
                "INSERT INTO chaport_data.chats__events VALUES ('e1', 'c-old', 'c-old', 0, 'e-old-0')",
                "INSERT INTO chaport_data.chats__events VALUES ('e2', 'c-old', 'c-old', 1, 'e-old-1')")) {
            db.query(sql, 0);
        }
        db.reconnect();
    }

    private void load(TableTarget target, String record) throws SQLException {
        LoadBatch batch = db.destination().batch("new", 10);
        batch.add(target, json(record));
        batch.complete();
    }

    /** table.column type nullable, for the tables' text and system columns, as information_schema reports them. */
    private List<String> columns() throws SQLException {
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> row : db.rows("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = '" + db.storedSchema("chaport_data") + "' AND LOWER(TABLE_NAME) IN ('visitors',"
                + " 'visitors__tags', 'visitors__notes') ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            List<Object> cells = new ArrayList<>(row.values());
            columns.add((cells.get(0) + "." + cells.get(1)).toLowerCase() + " " + String.valueOf(cells.get(2)).toLowerCase()
                    + " " + cells.get(3));
        }
        return columns;
    }

    @Test
    void systemColumnsBecomeNotNullAndPostgresqlTextBecomesVarchar() throws SQLException {
        oldLayout();
        load(VISITORS, "{\"name\":\"Bob\",\"tags\":[\"b\"]}");
        String text = switch (kind) {
            case H2, POSTGRES -> "character varying";
            case MARIADB -> "longtext";
        };
        assertEquals(List.of(
                "visitors.name " + text + " YES", "visitors._dlt_load_id " + text + " NO", "visitors._dlt_id " + text + " NO",
                "visitors__notes.value " + text + " YES", "visitors__notes._dlt_root_id " + text + " YES",
                "visitors__notes._dlt_parent_id " + text + " NO", "visitors__notes._dlt_list_idx bigint NO",
                "visitors__notes._dlt_id " + text + " NO",
                "visitors__tags.value " + text + " YES", "visitors__tags._dlt_root_id " + text + " NO",
                "visitors__tags._dlt_parent_id " + text + " NO", "visitors__tags._dlt_list_idx bigint NO",
                "visitors__tags._dlt_id " + text + " NO"), columns(),
                "a system column with a NULL stays nullable, every other is NOT NULL");
    }

    /** dlt propagates the root key wherever a child table has it: the old _dlt_root_id goes on being filled. */
    @Test
    void anOldRootKeyOfAnAppendTableGoesOnBeingFilled() throws SQLException {
        oldLayout();
        load(VISITORS, "{\"name\":\"Bob\",\"tags\":[\"b\"],\"notes\":[\"m\"]}");
        assertRows(List.of(row("value", "a", "same", 1L), row("value", "b", "same", 1L)),
                db.rows("SELECT t.value, CASE WHEN t._dlt_root_id = v._dlt_id THEN 1 ELSE 0 END AS same"
                        + " FROM chaport_data.visitors__tags t JOIN chaport_data.visitors v ON t._dlt_parent_id = v._dlt_id ORDER BY t.value"),
                "tags of both layouts");
        assertEquals(0, db.count("chaport_data.visitors__notes WHERE value = 'm' AND _dlt_root_id IS NULL"), "new notes have the key");
    }

    /** Rows merged again replace their child rows although the stored root row's id was made the old way. */
    @Test
    void aMergeReplacesChildRowsOfRootsWithOldIds() throws SQLException {
        oldLayout();
        load(CHATS, "{\"id\":1,\"status\":\"closed\",\"events\":[{\"value\":\"e3\"}]}");
        assertRows(List.of(row("id", 1L, "status", "closed")), db.rows("SELECT id, status FROM chaport_data.chats"), "chats");
        assertRows(List.of(row("value", "e3")), db.rows("SELECT e.value FROM chaport_data.chats__events e"
                + " JOIN chaport_data.chats c ON e._dlt_root_id = c._dlt_id"), "only the new events, linked to the root");
        assertEquals(1, db.count("chaport_data.chats__events"), "the old events are gone");
    }

    /** The next start finds nothing to change, and loads on. */
    @Test
    void aSecondStartChangesNothing() throws SQLException {
        oldLayout();
        load(VISITORS, "{\"name\":\"Bob\",\"tags\":[\"b\"]}");
        List<String> migrated = columns();
        db.reconnect();
        load(VISITORS, "{\"name\":\"Cy\",\"tags\":[\"c\"]}");
        assertEquals(migrated, columns());
        assertEquals(3, db.count("chaport_data.visitors__tags"), "tags");
    }
}
