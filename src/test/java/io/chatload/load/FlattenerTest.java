package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.load.naming.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlattenerTest {
    private final Flattener flattener = new Flattener(Naming.SNAKE_CASE.convention(63));

    private FlatRecord flatten(String json) throws Exception {
        Map<String, Object> record = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        return flattener.flatten("chats", record, "load1", row -> "ROOT", SchemaContract.DEFAULT_MAX_TABLE_NESTING, true);
    }

    private static List<FlatRow> rowsOf(FlatRecord record, String table) {
        return record.rows().stream().filter(r -> r.table().equals(table)).collect(Collectors.toList());
    }

    @Test
    void nestedObjectsBecomeDoubleUnderscoreColumns() throws Exception {
        FlatRecord record = flatten("{\"id\":1,\"utm\":{\"source\":\"g\"},\"custom\":{\"company\":{\"name\":\"ACME\"}},\"empty\":{},\"gone\":null}");
        Map<String, Object> root = record.rows().get(0).values();
        // dlt's order: the object's own values (a null one too, which makes no column) first, then its nested objects, last first
        assertEquals(List.of("id", "gone", "custom__company__name", "utm__source", "_dlt_load_id", "_dlt_id"),
                new ArrayList<>(root.keySet()));
        assertEquals("ACME", root.get("custom__company__name"));
        assertEquals("load1", root.get("_dlt_load_id"));
        assertEquals(1, record.rows().size(), "no child rows");
    }

    @Test
    void listsBecomeChildTablesLinkedToParentAndRoot() throws Exception {
        FlatRecord record = flatten("{\"id\":7,\"events\":[{\"type\":\"open\",\"params\":{\"items\":[{\"n\":1},{\"n\":2}]}},{\"type\":\"close\"}]}");
        List<FlatRow> events = rowsOf(record, "chats__events");
        List<FlatRow> items = rowsOf(record, "chats__events__params__items");
        assertEquals(2, events.size(), "event rows");
        assertEquals(2, items.size(), "item rows");
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> event = events.get(i).values();
            assertEquals("ROOT", event.get("_dlt_parent_id"), "event " + i + " parent");
            assertEquals("ROOT", event.get("_dlt_root_id"), "event " + i + " root");
            assertEquals((long) i, event.get("_dlt_list_idx"), "event " + i + " index");
            assertFalse(event.containsKey("_dlt_load_id"), "only root rows carry the load id");
        }
        String firstEvent = (String) events.get(0).values().get("_dlt_id");
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i).values();
            assertEquals(firstEvent, item.get("_dlt_parent_id"), "item " + i + " parent");
            assertEquals("ROOT", item.get("_dlt_root_id"), "item " + i + " root");
            assertEquals((long) i, item.get("_dlt_list_idx"), "item " + i + " index");
            assertEquals((long) (i + 1), ((Number) item.get("n")).longValue(), "item " + i + " n");
        }
        assertNotEquals(events.get(0).values().get("_dlt_id"), events.get(1).values().get("_dlt_id"));
        assertEquals(firstEvent, flatten("{\"id\":7,\"events\":[{\"type\":\"x\"}]}").rows().get(1).values().get("_dlt_id"),
                "child ids follow from parent, table and index");
    }

    @Test
    void listOfScalarsGivesValueRows() throws Exception {
        List<FlatRow> tags = rowsOf(flatten("{\"tags\":[\"a\",\"b\"]}"), "chats__tags");
        assertEquals(List.of("a", "b"), tags.stream().map(t -> t.values().get("value")).toList());
    }

    @Test
    void listInsideAListGoesThroughAnIntermediateRow() throws Exception {
        FlatRecord record = flatten("{\"grid\":[[1,2],[3]]}");
        List<FlatRow> outer = rowsOf(record, "chats__grid");
        List<FlatRow> inner = rowsOf(record, "chats__grid__list");
        assertEquals(2, outer.size(), "one intermediate row per inner list");
        assertEquals(List.of(1, 2, 3), inner.stream().map(r -> r.values().get("value")).toList());
        assertEquals(outer.get(1).values().get("_dlt_id"), inner.get(2).values().get("_dlt_parent_id"), "3 hangs off the 2nd list");
    }

    @Test
    void structuresPastTheDepthCapAreJsonValues() throws Exception {
        int levels = SchemaContract.DEFAULT_MAX_TABLE_NESTING;
        String deep = "{\"a\":".repeat(levels + 3) + "1" + "}".repeat(levels + 3);
        Map<String, Object> record = new ObjectMapper().readValue(deep, new TypeReference<LinkedHashMap<String, Object>>() { });
        // a limit wide enough that the 33-part column name is not shortened
        Map<String, Object> root = new Flattener(Naming.SNAKE_CASE.convention(256)).flatten("t", record, "load1", row -> "ROOT", levels, false)
                .rows().get(0).values();
        String column = root.keySet().stream().filter(k -> k.startsWith("a__")).findFirst().orElseThrow();
        // as in dlt: the root's fields are at level 32, each object one down, the one met at level 0 is JSON
        assertEquals(levels + 1, column.split("__").length, column);
        assertTrue(((JsonValue) root.get(column)).json().startsWith("{\"a\":{\"a\""), "stored as JSON: " + root.get(column));
    }

    private FlatRecord flatten(String json, int maxTableNesting) throws Exception {
        Map<String, Object> record = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        return flattener.flatten("chats", record, "load1", row -> "ROOT", maxTableNesting, false);
    }

    @Test
    void maxTableNestingZeroKeepsEveryObjectAndListOfTheRecordAsJson() throws Exception {
        FlatRecord record = flatten("{\"id\":1,\"utm\":{\"source\":\"g\"},\"tags\":[\"a\",\"b\"]}", 0);
        assertEquals(1, record.rows().size(), "no child table: " + record.rows());
        Map<String, Object> root = record.rows().get(0).values();
        assertEquals(new JsonValue("{\"source\":\"g\"}"), root.get("utm"));
        assertEquals(new JsonValue("[\"a\",\"b\"]"), root.get("tags"));
    }

    @Test
    void maxTableNestingOneMakesOneLevelOfChildTablesAndDeeperDataLandsInOneJsonColumn() throws Exception {
        FlatRecord record = flatten("{\"id\":1,\"utm\":{\"source\":\"g\",\"more\":{\"x\":1}},"
                + "\"events\":[{\"type\":\"open\",\"params\":{\"items\":[{\"n\":1}]},\"tags\":[\"t\"]}],"
                + "\"grid\":[[1,2]]}", 1);
        Map<String, Object> root = record.rows().get(0).values();
        assertEquals("g", root.get("utm__source"), "objects of the root row flatten one level");
        assertEquals(new JsonValue("{\"x\":1}"), root.get("utm__more"), "the next level is JSON");
        List<FlatRow> events = rowsOf(record, "chats__events");
        assertEquals(1, events.size());
        assertEquals("open", events.get(0).values().get("type"));
        assertEquals(new JsonValue("{\"items\":[{\"n\":1}]}"), events.get(0).values().get("params"), "one JSON column, not a table");
        assertEquals(new JsonValue("[\"t\"]"), events.get(0).values().get("tags"));
        assertEquals(new JsonValue("[1,2]"), rowsOf(record, "chats__grid").get(0).values().get("list"), "dlt's intermediate row, its list as JSON");
        assertEquals(List.of("chats", "chats__events", "chats__grid"),
                record.rows().stream().map(FlatRow::table).distinct().toList(), "no table below level 1");
    }

    @Test
    void aListInsideAnObjectIsATableOneLevelBelowItsRowAsInDlt() throws Exception {
        // dlt counts a list's rows one level below the row holding it, however deep in the row's objects it sits
        FlatRecord record = flatten("{\"a\":{\"b\":[{\"c\":{\"d\":1}}]}}", 2);
        assertEquals(1L, ((Number) rowsOf(record, "chats__a__b").get(0).values().get("c__d")).longValue());
    }

    /** dlt's test_preserve_json_value and test_preserves_json_types_list: a column typed json keeps any object or list whole. */
    @Test
    void anObjectOrListForAJsonColumnIsKeptWholeAtAnyLevel() throws Exception {
        Map<String, Object> record = new ObjectMapper().readValue("{\"value\":{\"json\":true},\"list\":[\"from\",[\"json\",true]],"
                + "\"items\":[{\"value\":{\"a\":1}}],\"other\":{\"b\":2}}", new TypeReference<LinkedHashMap<String, Object>>() { });
        FlatRecord flat = flattener.flatten("chats", record, "load1", row -> "ROOT", SchemaContract.DEFAULT_MAX_TABLE_NESTING, false,
                (table, column) -> Map.of("chats", List.of("value", "list"), "chats__items", List.of("value"))
                        .getOrDefault(table, List.of()).contains(column));
        Map<String, Object> root = flat.rows().get(0).values();
        assertEquals(new JsonValue("{\"json\":true}"), root.get("value"), "not value__json");
        assertEquals(new JsonValue("[\"from\",[\"json\",true]]"), root.get("list"), "no child table");
        assertEquals(2L, ((Number) root.get("other__b")).longValue(), "other objects still flatten");
        assertEquals(new JsonValue("{\"a\":1}"), rowsOf(flat, "chats__items").get(0).values().get("value"), "in a child table too");
        assertEquals(List.of("chats", "chats__items"), flat.rows().stream().map(FlatRow::table).toList());
    }
}
