package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.load.naming.Naming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnResolverTest {
    private final ColumnResolver resolver = new ColumnResolver(Naming.SNAKE_CASE.convention(63));

    private ColumnResolver.Resolution resolve(TableSchema table, List<String> key, List<? extends Map<String, ?>> rows) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> typed = (List<Map<String, Object>>) rows;
        return resolver.resolve(table, key, typed, SchemaContract.EVOLVE, false);
    }

    @Test
    void newColumnsTakeTheTypeOfTheirFirstValueAndClashesGoToVariants() {
        TableSchema empty = TableSchema.absent("people");
        ColumnResolver.Resolution r = resolve(empty, List.of(), List.of(
                Map.of("age", 30L),
                Map.of("age", "thirty"),
                Map.of("age", 31.5)));
        assertEquals(Map.of("age", DataType.BIGINT, "age__v_text", DataType.TEXT, "age__v_double", DataType.DOUBLE),
                r.additions());
        assertEquals(Map.of("age", 30L), r.rows().get(0), "row 0");
        assertEquals(Map.of("age__v_text", "thirty"), r.rows().get(1), "row 1");
        assertEquals(Map.of("age__v_double", 31.5), r.rows().get(2), "row 2");
    }

    @Test
    void existingColumnsAreWidenedNotVarianted() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("price", DataType.DOUBLE);
        columns.put("note", DataType.TEXT);
        columns.put("seen", DataType.TIMESTAMP);
        ColumnResolver.Resolution r = resolve(new TableSchema("t", columns), List.of(),
                List.of(Map.of("price", 3L, "note", true, "seen", "2017-10-03T10:47:31Z")));
        assertTrue(r.additions().isEmpty(), "no new columns: " + r.additions());
        assertEquals(3.0, r.rows().get(0).get("price"));
        assertEquals("true", r.rows().get(0).get("note"));
    }

    @Test
    void nonIsoTextIntoATimestampColumnIsAVariant() {
        ColumnResolver.Resolution r = resolve(new TableSchema("t", Map.of("seen", DataType.TIMESTAMP)), List.of(),
                List.of(Map.of("seen", "last tuesday")));
        assertEquals(Map.of("seen__v_text", DataType.TEXT), r.additions());
        assertEquals(Map.of("seen__v_text", "last tuesday"), r.rows().get(0));
    }

    @Test
    void aPrimaryKeyNeverGoesToAVariant() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(
                new TableSchema("visitors", Map.of("id", DataType.BIGINT)), List.of("id"), List.of(Map.of("id", "abc"))));
        assertTrue(e.getMessage().contains("visitors") && e.getMessage().contains("'id'"), e.getMessage());
    }
}
