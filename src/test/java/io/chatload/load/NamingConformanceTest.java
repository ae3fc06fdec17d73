package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * dlt's {@code snake_case} names as real tables and columns: the unit cases of {@code naming/} (dlt's expected outputs,
 * see SnakeCaseTest and ShorteningTest) loaded into each destination and read back from its metadata, so quoting,
 * case folding and the identifier limit (PostgreSQL 63, MariaDB 64, H2 256) keep them exactly: non-ASCII keys,
 * {@code __} in a key, a key collision (one column, the last value wins), long columns, a long variant column and a
 * long child table shortened with dlt's tag.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class NamingConformanceTest extends OnEachDestination {
    private static final String LONG_CAMEL = "veryLongCamelCaseCustomFieldName".repeat(3);
    private static final String A62 = "a".repeat(62);

    /** dlt's output for the destination's limit: PostgreSQL, MariaDB, H2. */
    private String byLimit(String at63, String at64, String at256) {
        return switch (kind) {
            case POSTGRES -> at63;
            case MARIADB -> at64;
            case H2 -> at256;
        };
    }

    @Test
    void columnNamesReadBackAsDltNamesThem() throws SQLException {
        TableTarget names = new TableTarget("naming_data", "names", List.of("id"), WriteDisposition.MERGE);
        Map<String, Object> first = new LinkedHashMap<>(json("{\"id\":1,\"lastSeen\":1,\"a__b\":2,\"café\":3,\"имя\":4,"
                + "\"123BaNaNa\":5,\"BANANA_\":6,\"select\":7,\"a\\u00a0b c\":8,\"userName\":\"a\",\"user_name\":\"b\"}"));
        first.put("k".repeat(500), 9);
        first.put(LONG_CAMEL, 10);
        first.put(A62, 11);
        LoadBatch batch = db.destination().batch("1", 10);
        batch.add(names, first);
        batch.add(names, Map.of("id", 2, A62, "eleven"));
        batch.complete();

        String k500 = byLimit("k".repeat(29) + "15gnxw" + "k".repeat(28), "k".repeat(29) + "15gnxw" + "k".repeat(29),
                "k".repeat(125) + "15gnxw" + "k".repeat(125));
        String camel = byLimit("very_long_camel_case_custom_fen9uwgcamel_case_custom_field_name",
                "very_long_camel_case_custom_fen9uwg_camel_case_custom_field_name",
                "very_long_camel_case_custom_field_name".repeat(2) + "very_long_camel_case_custom_field_name");
        String variant = byLimit("a".repeat(29) + "vlzv7q" + "a".repeat(20) + "__v_text",
                "a".repeat(29) + "vlzv7q" + "a".repeat(21) + "__v_text", A62 + "__v_text");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("last_seen", 1L);
        expected.put("a__b", 2L);
        expected.put("cafx", 3L);
        expected.put("x", 4L);
        expected.put("_123_ba_na_na", 5L);
        expected.put("bananax", 6L);
        expected.put("select", 7L);
        expected.put("a_b_c", 8L);
        expected.put("user_name", "b");
        expected.put(k500, 9L);
        expected.put(camel, 10L);
        expected.put(A62, 11L);

        TableInfo table = table("names");
        List<String> columns = table.columns().stream().map(ColumnInfo::name).toList();
        assertTrue(columns.containsAll(expected.keySet()), "columns " + columns + " hold " + expected.keySet());
        assertTrue(columns.contains(variant), "variant column " + variant + " in " + columns);
        assertEquals(1, columns.stream().filter(c -> c.startsWith("user")).count(), "userName and user_name share one column: " + columns);
        for (String column : columns) {
            assertTrue(column.length() <= db.destination().dialect().maxIdentifierLength(), "within the limit: " + column);
        }
        Map<String, Object> row = db.rows("SELECT * FROM naming_data.names WHERE id = 1").get(0);
        expected.forEach((column, value) -> assertEquals(value, number(row.get(column)), "row 1 column " + column + " of " + row));
        assertEquals("eleven", db.rows("SELECT * FROM naming_data.names WHERE id = 2").get(0).get(variant), "row 2 " + variant);
    }

    @Test
    void aDeepChildTableIsShortenedAsDltShortensIt() throws SQLException {
        TableTarget chats = new TableTarget("naming_data", "visitor_chats", List.of("id"), WriteDisposition.MERGE);
        LoadBatch batch = db.destination().batch("1", 10);
        batch.add(chats, json("{\"id\":1,\"messages\":[{\"attachments_of_every_kind_and_size\":[{\"thumbnails\":"
                + "[{\"variants\":[\"small\",\"large\"]}]}]}]}"));
        batch.complete();
        String deepest = byLimit("visitor_chats__messages__attak6bv4ad_size__thumbnails__variants",
                "visitor_chats__messages__attak6bv4and_size__thumbnails__variants",
                "visitor_chats__messages__attachments_of_every_kind_and_size__thumbnails__variants");
        TableInfo table = table(deepest);
        assertEquals(2, table.rowCount(), deepest);
        List<Map<String, Object>> values = db.rows("SELECT value FROM naming_data." + quoted(deepest) + " ORDER BY _dlt_list_idx");
        assertEquals(List.of("small", "large"), values.stream().map(r -> r.get("value")).toList());
    }

    private TableInfo table(String name) throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (TableInfo table : db.destination().tables("naming_data")) {
            tables.put(table.name(), table);
        }
        assertTrue(tables.containsKey(name), "table " + name + " in " + tables.keySet());
        return tables.get(name);
    }

    private String quoted(String table) {
        return db.destination().dialect().quoteExact(db.destination().dialect().stored(table));
    }

    private static Object number(Object value) {
        return value instanceof Number n && !(value instanceof Long) ? n.longValue() : value;
    }
}
