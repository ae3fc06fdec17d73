package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.load.naming.Naming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dlt's schema contract, mode by mode, as the column resolver applies it to one table's rows. */
class SchemaContractTest {
    private final ColumnResolver resolver = new ColumnResolver(Naming.SNAKE_CASE.convention(63));
    /** An existing table of four columns. */
    private final TableSchema people = new TableSchema("people", columns("id", DataType.BIGINT, "name", DataType.TEXT,
            "age", DataType.BIGINT, Flattener.ID, DataType.TEXT));

    private static Map<String, DataType> columns(Object... pairs) {
        Map<String, DataType> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put((String) pairs[i], (DataType) pairs[i + 1]);
        }
        return columns;
    }

    private static Map<String, Object> row(String id, Object... cells) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(Flattener.ID, id);
        for (int i = 0; i < cells.length; i += 2) {
            row.put((String) cells[i], cells[i + 1]);
        }
        return row;
    }

    private static SchemaContract contract(String modes) {
        return SchemaContract.EVOLVE.withModes(modes);
    }

    private ColumnResolver.Resolution resolve(TableSchema table, SchemaContract contract, List<Map<String, Object>> rows) {
        return resolver.resolve(table, List.of("id"), rows, contract, false);
    }

    @Test
    void modesAreReadInDltsWords() {
        assertEquals("tables=freeze, columns=freeze, data_type=freeze", contract("freeze").modes());
        assertEquals("tables=evolve, columns=discard_value, data_type=discard_row",
                contract("columns=discard_value, data_type: discard_row").modes());
        assertEquals("tables=discard_row, columns=freeze, data_type=freeze",
                contract("freeze").withModes("tables=discard_row").modes(), "a later setting overrides key by key");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> contract("columns=frozen"));
        assertTrue(bad.getMessage().contains("'frozen'") && bad.getMessage().contains("discard_value"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> contract("rows=freeze"));
    }

    @Test
    void evolveAddsNewColumnsAndVariants() {
        ColumnResolver.Resolution r = resolve(people, SchemaContract.EVOLVE,
                List.of(row("r1", "id", 1L, "age", "old", "city", "Oslo")));
        assertEquals(columns("age__v_text", DataType.TEXT, "city", DataType.TEXT), r.additions());
        assertEquals(Map.of("id", 1L, "age__v_text", "old", "city", "Oslo", Flattener.ID, "r1"), r.rows().get(0));
    }

    @Test
    void frozenColumnsRefuseARecordWithANewFieldNamingTableAndColumn() {
        SchemaContractException e = assertThrows(SchemaContractException.class, () -> resolve(people, contract("columns=freeze"),
                List.of(row("r1", "id", 1L, "name", "Ann"), row("r2", "id", 2L, "city", "Oslo"))));
        assertTrue(e.getMessage().contains("table 'people'") && e.getMessage().contains("'city'")
                && e.getMessage().contains("columns=freeze"), e.getMessage());
    }

    @Test
    void discardRowDropsTheRowThatNeedsANewColumnAndReportsItsId() {
        ColumnResolver.Resolution r = resolve(people, contract("columns=discard_row"),
                List.of(row("r1", "id", 1L, "name", "Ann"), row("r2", "id", 2L, "city", "Oslo")));
        assertEquals(Map.of(), r.additions(), "no column for a dropped row");
        assertEquals(1, r.rows().size());
        assertEquals(1L, r.rows().get(0).get("id"));
        assertEquals(Set.of("r2"), r.droppedIds());
        assertEquals(new ColumnResolver.Discards(1, 0, "columns=discard_row, column 'city'"), r.discards());
    }

    @Test
    void discardValueDropsOnlyTheNewFieldAndKeepsTheRest() {
        ColumnResolver.Resolution r = resolve(people, contract("columns=discard_value"),
                List.of(row("r2", "id", 2L, "name", "Bob", "city", "Oslo", "zip", "0150")));
        assertEquals(Map.of(), r.additions());
        assertEquals(Map.of("id", 2L, "name", "Bob", Flattener.ID, "r2"), r.rows().get(0));
        assertEquals(Set.of(), r.droppedIds());
        assertEquals(2, r.discards().values());
    }

    @Test
    void aNewTableTakesAllItsColumnsWhateverTheColumnsMode() {
        ColumnResolver.Resolution r = resolve(TableSchema.absent("people"), contract("columns=freeze"),
                List.of(row("r1", "id", 1L, "name", "Ann")));
        assertEquals(Set.of(Flattener.ID, "id", "name"), r.additions().keySet());
    }

    @Test
    void dataTypeGovernsVariantColumnsOnly() {
        List<Map<String, Object>> rows = List.of(row("r1", "id", 1L, "age", "old"), row("r2", "id", 2L, "age", 40L));
        SchemaContractException frozen = assertThrows(SchemaContractException.class,
                () -> resolve(people, contract("data_type=freeze"), rows));
        assertTrue(frozen.getMessage().contains("'age__v_text'") && frozen.getMessage().contains("data_type=freeze"),
                frozen.getMessage());

        ColumnResolver.Resolution row = resolve(people, contract("data_type=discard_row"), rows);
        assertEquals(Set.of("r1"), row.droppedIds());
        assertEquals(List.of(2L), row.rows().stream().map(r -> r.get("id")).toList());

        ColumnResolver.Resolution value = resolve(people, contract("data_type=discard_value, columns=freeze"), rows);
        assertEquals(Map.of("id", 1L, Flattener.ID, "r1"), value.rows().get(0), "the clashing value is left out");
        assertEquals(Map.of(), value.additions());
    }

    @Test
    void tablesModeDecidesAboutANewTable() {
        List<Map<String, Object>> rows = List.of(row("r1", "id", 1L));
        TableSchema absent = TableSchema.absent("people__tags");
        SchemaContractException e = assertThrows(SchemaContractException.class,
                () -> resolve(absent, contract("tables=freeze"), rows));
        assertTrue(e.getMessage().contains("'people__tags'") && e.getMessage().contains("tables=freeze"), e.getMessage());

        for (String mode : List.of("discard_row", "discard_value")) {
            ColumnResolver.Resolution r = resolve(absent, contract("tables=" + mode), rows);
            assertEquals(List.of(), r.rows(), mode);
            assertEquals(Set.of("r1"), r.droppedIds(), mode + ": its rows go, and their child rows with them");
        }
        assertEquals(1, resolver.resolve(absent, List.of(), rows, contract("tables=freeze"), true).rows().size(),
                "a known table is made although tables are frozen");
        assertEquals(1, resolve(people, contract("tables=freeze"), List.of(row("r1", "id", 1L))).rows().size(),
                "an existing table takes rows");
    }

    @Test
    void theColumnCapAppliesTheContractEvolveCountingAsFreeze() {
        SchemaContract capped = SchemaContract.EVOLVE.withLimits(32, 5);
        Map<String, Object> wide = row("r1", "id", 1L, "a", 1L, "b", 2L, "c", 3L);
        SchemaContractException e = assertThrows(SchemaContractException.class, () -> resolve(people, capped, List.of(wide)));
        assertTrue(e.getMessage().contains("maxColumns 5") && e.getMessage().contains("'b'"), e.getMessage());

        assertEquals(Map.of("a", DataType.BIGINT), resolve(people, capped, List.of(row("r1", "id", 1L, "a", 1L))).additions(),
                "up to the cap, columns evolve");

        // a new table takes all its columns up to the cap, then the columns mode decides
        ColumnResolver.Resolution r = resolve(TableSchema.absent("t"), capped.withModes("columns=discard_value"),
                List.of(wide));
        assertEquals(List.of("_dlt_id", "id", "a", "b", "c"), List.copyOf(r.additions().keySet()));
        ColumnResolver.Resolution tighter = resolve(TableSchema.absent("t"),
                SchemaContract.EVOLVE.withLimits(32, 3).withModes("columns=discard_value"), List.of(wide));
        assertEquals(List.of("_dlt_id", "id", "a"), List.copyOf(tighter.additions().keySet()));
        assertEquals(2, tighter.discards().values(), "b and c left out");
        assertEquals(Map.of(Flattener.ID, "r1", "id", 1L, "a", 1L), tighter.rows().get(0));
    }
}
