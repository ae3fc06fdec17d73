package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh in-memory H2 destinations and helpers to read and compare what they hold. */
final class TestDestinations {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestDestinations() {
    }

    static Destination fresh() throws SQLException {
        return Destination.connect("jdbc:h2:mem:load" + COUNTER.incrementAndGet() + "_" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    static Map<String, Object> json(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The rows of a query as column → value maps (column names as the destination reports them). */
    static List<Map<String, Object>> rows(Destination destination, String sql) throws SQLException {
        QueryResult result = destination.query(sql, 10_000);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(result.columns().get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static long count(Destination destination, String table) throws SQLException {
        return ((Number) destination.query("SELECT COUNT(*) FROM " + table, 1).rows().get(0).get(0)).longValue();
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
