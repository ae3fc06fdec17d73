package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.load.naming.Naming;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins how dlt fits a row to its table: coercion into the existing column, else a variant column named as dlt names it. */
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
        assertEquals("True", r.rows().get(0).get("note"), "Python's str(True), as dlt writes it");
    }

    /** Pins dlt's _coerce_row (tests/normalize/test_json_item_inference.py): convert where dlt converts. */
    @Test
    void convertibleValuesGoIntoTheExistingColumn() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("price", DataType.DOUBLE);
        columns.put("count", DataType.BIGINT);
        columns.put("flag", DataType.BOOL);
        columns.put("seen", DataType.TIMESTAMP);
        ColumnResolver.Resolution r = resolve(new TableSchema("t", columns), List.of(), List.of(
                Map.of("price", "2.5", "count", "42", "flag", 1, "seen", 78172.128),
                Map.of("price", 3, "count", 7.0, "flag", "true", "seen", "78172.128")));
        assertTrue(r.additions().isEmpty(), "no variants: " + r.additions());
        assertEquals(Map.of("price", 2.5, "count", 42L, "flag", true,
                "seen", OffsetDateTime.parse("1970-01-01T21:42:52.128Z")), r.rows().get(0), "row 0");
        assertEquals(Map.of("price", 3.0, "count", 7L, "flag", true,
                "seen", OffsetDateTime.parse("1970-01-01T21:42:52.128Z")), r.rows().get(1), "row 1");
    }

    /** dlt names a variant by the value's own type and types it by detection: an ISO string makes a timestamp {@code __v_text}. */
    @Test
    void aVariantIsNamedByTheValuesTypeAndTypedByDetection() {
        ColumnResolver.Resolution r = resolve(new TableSchema("t", Map.of("n", DataType.BIGINT)), List.of(), List.of(
                Map.of("n", "2024-01-15 10:00:00"),
                Map.of("n", true),
                Map.of("n", 2.5)));
        assertEquals(Map.of("n__v_text", DataType.TIMESTAMP, "n__v_bool", DataType.BOOL, "n__v_double", DataType.DOUBLE),
                r.additions());
        assertEquals(Map.of("n__v_text", OffsetDateTime.parse("2024-01-15T10:00:00Z")), r.rows().get(0));
        assertEquals(Map.of("n__v_bool", true), r.rows().get(1));
        assertEquals(Map.of("n__v_double", 2.5), r.rows().get(2));
    }

    /** A value that fits neither its column nor the existing variant fails the batch, as dlt's CannotCoerceColumnException. */
    @Test
    void aValueThatFitsNoVariantIsRefused() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("n", DataType.BIGINT);
        columns.put("n__v_text", DataType.TIMESTAMP);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolve(new TableSchema("t", columns),
                List.of(), List.of(Map.of("n", "hello"))));
        assertTrue(e.getMessage().contains("'n__v_text'") && e.getMessage().contains("table 't'"), e.getMessage());
    }

    @Test
    void aKeyValueThatConvertsIsNoClash() {
        ColumnResolver.Resolution r = resolve(new TableSchema("visitors", Map.of("id", DataType.BIGINT)), List.of("id"),
                List.of(Map.of("id", "42")));
        assertEquals(Map.of("id", 42L), r.rows().get(0));
    }

    @Test
    void nonIsoTextIntoATimestampColumnIsAVariant() {
        ColumnResolver.Resolution r = resolve(new TableSchema("t", Map.of("seen", DataType.TIMESTAMP)), List.of(),
                List.of(Map.of("seen", "übermorgen")));
        assertEquals(Map.of("seen__v_text", DataType.TEXT), r.additions());
        assertEquals(Map.of("seen__v_text", "übermorgen"), r.rows().get(0), "dlt's test_coerce_row_iso_timestamp");
    }

    @Test
    void aPrimaryKeyNeverGoesToAVariant() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(
                new TableSchema("visitors", Map.of("id", DataType.BIGINT)), List.of("id"), List.of(Map.of("id", "abc"))));
        assertTrue(e.getMessage().contains("visitors") && e.getMessage().contains("'id'"), e.getMessage());
    }
}
