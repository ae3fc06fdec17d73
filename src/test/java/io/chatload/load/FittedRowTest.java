package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows that share their columns' places must each read as the map of their own values. */
class FittedRowTest {
    @Test
    void rowsSharingSlotsReadAsTheirOwnMaps() {
        FittedRow.Slots slots = new FittedRow.Slots();
        FittedRow first = new FittedRow(slots);
        first.set("id", 1L);
        first.set("name", "a");
        FittedRow second = new FittedRow(slots);
        second.set("name", "b");
        for (int i = 0; i < 40; i++) { // columns added after the first row was made, past the first array sizes
            second.set("c" + i, (long) i);
        }
        second.set("name", "c"); // set twice: the last value, counted once

        assertEquals(Map.of("id", 1L, "name", "a"), first);
        assertEquals(first, new HashMap<>(Map.of("id", 1L, "name", "a")));
        assertNull(first.get("c3"), "a column added after the row was made");
        assertFalse(first.containsKey("c3"));
        assertNull(first.get("unknown"));
        assertEquals(41, second.size());
        assertEquals("c", second.get("name"));
        assertEquals(39L, second.get("c39"));
        assertTrue(second.containsKey("c0"));
        assertNull(second.get("id"), "a column only another row has");
        List<String> columns = new ArrayList<>();
        second.forEach((column, value) -> columns.add(column));
        assertEquals(41, columns.size());
        assertFalse(columns.contains("id"));
        assertThrows(UnsupportedOperationException.class, () -> first.put("x", 1));
    }
}
