package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.load.naming.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins how dlt's relational normaliser ({@code dlt/common/normalizers/json/relational.py}, {@code _flatten}) names a
 * record's columns and child tables: a key is a path ({@code normalize_path}, so {@code a__b} stays {@code a__b}), a
 * blank key is {@code _empty}, nested names and child tables are the convention's {@code shorten_fragments} of the
 * normalised parts. Keys that come to one name share one column: an object's own values are written first, then its
 * nested objects, the last one first, and the value written last wins. The expected rows come from dlt's algorithm run
 * over dlt's own naming modules (dlt-hub/dlt at 58d66fc), and from its tests {@code test_flatten_fix_field_name},
 * {@code test_normalize_empty_keys} and {@code test_normalize_and_shorten_deterministically}.
 */
class FlattenerNamingTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(Naming.SNAKE_CASE, 0, "chats", "{\"userName\":\"a\",\"user_name\":\"b\"}",
                        List.of("chats {user_name=b}")),
                Arguments.of(Naming.SNAKE_CASE, 0, "chats", "{\"user_name\":\"b\",\"userName\":\"a\"}",
                        List.of("chats {user_name=a}")),
                Arguments.of(Naming.SNAKE_CASE, 0, "chats", "{\"a\":{\"b\":1},\"a__b\":2}",
                        List.of("chats {a__b=1}")),
                Arguments.of(Naming.SNAKE_CASE, 0, "chats", "{\"a__b\":2,\"a\":{\"b\":1}}",
                        List.of("chats {a__b=1}")),
                Arguments.of(Naming.SNAKE_CASE, 0, "mock_table",
                        "{\"f-1\":\"!  30\",\"f 2\":[1],\"f!3\":{\"f4\":\"a\",\"f-5\":\"b\",\"f*6\":{\"c\":7,\"c v\":8,\"c x\":[2]}}}",
                        List.of("mock_table {f_1=!  30, f_3__f4=a, f_3__f_5=b, f_3__fx6__c=7, f_3__fx6__c_v=8}",
                                "mock_table__f_2 {value=1}", "mock_table__f_3__fx6__c_x {value=2}")),
                Arguments.of(Naming.SNAKE_CASE, 0, "s", "{\"a\":1,\"b\":{\"\":2},\"\":3,\" \":4}",
                        List.of("s {a=1, _empty=4, b___empty=2}")),
                Arguments.of(Naming.SNAKE_CASE, 16, "s", "{\"short>ident:1\":{\"short>ident:2\":{\"short>ident:3\":\"a\"}},"
                                + "\"LIST+ident:1\":{\"LIST+ident:2\":{\"LIST+ident:3\":[1]}},\"long+long:SO+LONG:_>16\":true}",
                        List.of("s {longxyfdsfgng_16=true, shortc93wvaent_3=a}", "s__lixkcjoqent_3 {value=1}")),
                Arguments.of(Naming.SNAKE_CASE, 0, "chats",
                        "{\"userTags\":[1],\"user_tags\":[2,3],\"a__b\":[4],\"имя\":1,\"café\":2,\"__x__\":3}",
                        List.of("chats {x=3, cafx=2}", "chats__user_tags {value=2}", "chats__user_tags {value=3}",
                                "chats__a__b {value=4}")),
                Arguments.of(Naming.DIRECT, 0, "chats", "{\"a\":{\"b\":1},\"items\":[{\"n\":1}]}",
                        List.of("chats {a▶b=1}", "chats▶items {n=1}")),
                Arguments.of(Naming.DUCK_CASE, 0, "chats", "{\"Имя\":1,\"Город\":{\"Улица\":\"x\"},\"Теги\":[\"a\"]}",
                        List.of("chats {Имя=1, Город__Улица=x}", "chats__Теги {value=a}")));
    }

    @ParameterizedTest(name = "[{index}] {0} {3}")
    @MethodSource("records")
    void namesColumnsAndChildTablesAsDlt(Naming naming, int limit, String table, String json, List<String> expected)
            throws Exception {
        assertEquals(expected, rows(new Flattener(naming.convention(limit)), table, json));
    }

    /** A flattener keeps the names it made: every record after the first must be named as a fresh one names it. */
    @Test
    void aFlattenerThatNamedOtherRecordsNamesTheNextAsAFreshOne() throws Exception {
        Flattener shared = new Flattener(Naming.SNAKE_CASE.convention(16));
        List<Arguments> cases = records().filter(c -> c.get()[0] == Naming.SNAKE_CASE).toList();
        for (int round = 0; round < 2; round++) {
            for (Arguments c : cases) {
                String table = (String) c.get()[2];
                String json = (String) c.get()[3];
                assertEquals(rows(new Flattener(Naming.SNAKE_CASE.convention(16)), table, json), rows(shared, table, json), json);
            }
        }
    }

    private static List<String> rows(Flattener flattener, String table, String json) throws Exception {
        FlatRecord record = flattener.flatten(table, parse(json), "load1", row -> "ROOT",
                SchemaContract.DEFAULT_MAX_TABLE_NESTING, true);
        List<String> rows = new ArrayList<>();
        for (FlatRow row : record.rows()) {
            Map<String, Object> values = new LinkedHashMap<>(row.values());
            values.keySet().removeIf(column -> column.startsWith("_dlt_"));
            rows.add(row.table() + " " + values);
        }
        return rows;
    }

    /** dlt writes its own _dlt_load_id over a record's; chatload's _dlt_id wins as well (see the README's differences). */
    @Test
    void recordKeysNamedLikeSystemColumnsShareThemAndTheSystemValueWins() throws Exception {
        FlatRecord record = new Flattener(Naming.SNAKE_CASE.convention(63)).flatten("chats",
                parse("{\"_dlt_id\":\"mine\",\"_dlt_load_id\":\"mine too\",\"id\":1,\"items\":[{\"_dlt_parent_id\":\"x\","
                        + "\"_dlt_root_id\":\"y\",\"_dlt_list_idx\":9}]}"), "load1", row -> "ROOT",
                SchemaContract.DEFAULT_MAX_TABLE_NESTING, true);
        Map<String, Object> root = record.rows().get(0).values();
        assertEquals(List.of("_dlt_id", "_dlt_load_id", "id"), new ArrayList<>(root.keySet()), "one column each, in the record's order");
        assertEquals("ROOT", root.get("_dlt_id"));
        assertEquals("load1", root.get("_dlt_load_id"));
        Map<String, Object> item = record.rows().get(1).values();
        assertEquals("ROOT", item.get("_dlt_parent_id"));
        assertEquals("ROOT", item.get("_dlt_root_id"));
        assertEquals(0L, item.get("_dlt_list_idx"));
    }

    private static Map<String, Object> parse(String json) throws Exception {
        return new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
