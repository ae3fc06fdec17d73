package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Helpers to make records and compare rows; {@link TestDestination} gives a destination to load them into. */
final class TestDestinations {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestDestinations() {
    }

    static Map<String, Object> json(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Compares rows cell by cell so a failure names the row and column that differ. */
    static void assertRows(List<Map<String, Object>> expected, List<Map<String, Object>> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": row count; actual rows " + actual);
        for (int i = 0; i < expected.size(); i++) {
            for (Map.Entry<String, Object> cell : expected.get(i).entrySet()) {
                Object value = actual.get(i).get(cell.getKey());
                Object want = cell.getValue();
                boolean same = want instanceof Number w && value instanceof Number v
                        ? Double.compare(w.doubleValue(), v.doubleValue()) == 0 : Objects.equals(want, value);
                assertEquals(want, same ? want : value, what + ": row " + i + " column " + cell.getKey() + " (row " + actual.get(i) + ")");
            }
        }
    }

    /** Expected row literal: alternating column names and values. */
    static Map<String, Object> row(Object... cells) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            row.put((String) cells[i], cells[i + 1]);
        }
        return row;
    }
}
