package io.chatload.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Compares a loaded table with the sandbox's ground truth, row for row and field for field. The expected columns are
 * derived here independently of the loader: camelCase to snake_case, nested objects joined with {@code __}, lists
 * checked against their child table. A mismatch names the table, the row's key and the column.
 */
public final class Truth {

    private Truth() {
    }

    public static void assertTableEquals(DataSource db, String schema, String table, String key,
                                         List<Map<String, Object>> truth) throws SQLException {
        assertTableEquals(db, schema, table, List.of(key), truth);
    }

    /** The same for a composite key, given as column names ({@code visitor_id}, {@code id}). */
    public static void assertTableEquals(DataSource db, String schema, String table, List<String> key,
                                         List<Map<String, Object>> truth) throws SQLException {
        Map<String, Map<String, Object>> rows = rowsByKey(db, schema, table, key);
        assertEquals(truth.size(), rows.size(), schema + "." + table + ": row count");
        for (Map<String, Object> truthRecord : truth) {
            Map<String, Object> record = new LinkedHashMap<>();
            truthRecord.forEach((k, v) -> record.put(snake(k), v));
            String id = keyOf(record, key);
            Map<String, Object> row = rows.get(id);
            if (row == null) {
                fail(schema + "." + table + ": no row with " + key + " = " + id);
            }
            Map<String, Object> expected = new LinkedHashMap<>();
            Map<String, List<?>> lists = new LinkedHashMap<>();
            flatten("", record, expected, lists);
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                Object actual = valueOrVariant(row, e.getKey());
                if (!same(e.getValue(), actual)) {
                    fail(schema + "." + table + " row " + key + "=" + id + ", column " + e.getKey() + ": expected <"
                            + e.getValue() + "> but was <" + actual + ">");
                }
            }
            for (Map.Entry<String, List<?>> list : lists.entrySet()) {
                assertChildList(db, schema, table + "__" + list.getKey(), row.get("_dlt_id"), list.getValue(),
                        table + " row " + key + "=" + id);
            }
        }
    }

    private static void assertChildList(DataSource db, String schema, String child, Object parentId, List<?> items,
                                        String where) throws SQLException {
        List<Map<String, Object>> rows = query(db, "SELECT * FROM " + schema + "." + child + " WHERE _dlt_parent_id = '"
                + parentId + "' ORDER BY _dlt_list_idx");
        assertEquals(items.size(), rows.size(), schema + "." + child + " for " + where + ": child row count");
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Map<String, Object> expected = new LinkedHashMap<>();
            if (item instanceof Map<?, ?> map) {
                flatten("", map, expected, new LinkedHashMap<>());
            } else {
                expected.put("value", item);
            }
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                Object actual = valueOrVariant(rows.get(i), e.getKey());
                if (!same(e.getValue(), actual)) {
                    fail(schema + "." + child + " item " + i + " of " + where + ", column " + e.getKey() + ": expected <"
                            + e.getValue() + "> but was <" + actual + ">");
                }
            }
        }
    }

    private static void flatten(String prefix, Map<?, ?> object, Map<String, Object> out, Map<String, List<?>> lists) {
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String column = prefix + snake(String.valueOf(e.getKey()));
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(column + "__", nested, out, lists);
            } else if (e.getValue() instanceof List<?> list) {
                lists.put(column, list);
            } else {
                out.put(column, e.getValue());
            }
        }
    }

    static String snake(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A value that clashed with its column's type sits in a variant column {@code <col>__v_<type>}. */
    private static Object valueOrVariant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().startsWith(column + "__v_") && e.getValue() != null) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (expected instanceof Number n) {
            return actual instanceof Number m ? new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString())) == 0
                    : n.toString().equals(actual.toString());
        }
        if (expected instanceof Boolean) {
            return expected.toString().equals(actual.toString());
        }
        Instant expectedTime = instant(expected.toString());
        Instant actualTime = actual instanceof OffsetDateTime o ? o.toInstant()
                : actual instanceof Timestamp t ? t.toInstant()
                // MariaDB's DATETIME, which chatload writes in UTC
                : actual instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC) : null;
        if (expectedTime != null && actualTime != null) {
            return expectedTime.equals(actualTime);
        }
        return expected.toString().equals(actual.toString());
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Map<String, Map<String, Object>> rowsByKey(DataSource db, String schema, String table, List<String> key)
            throws SQLException {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : query(db, "SELECT * FROM " + schema + "." + table)) {
            if (byKey.put(keyOf(row, key), row) != null) {
                fail(schema + "." + table + ": duplicate rows for " + key + " = " + keyOf(row, key));
            }
        }
        return byKey;
    }

    private static String keyOf(Map<String, Object> row, List<String> key) {
        StringBuilder s = new StringBuilder();
        for (String k : key) {
            s.append(s.isEmpty() ? "" : "/").append(row.get(k));
        }
        return s.toString();
    }

    /** Rows with lower-case column names, whatever case the database reports. */
    public static List<Map<String, Object>> query(DataSource db, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * {@link #count}, or 0 while the query fails, as it does before a table it reads exists (a consumer creates its
     * positions table at its first poll): for tests that wait for a row; a query that is wrong fails at their deadline.
     */
    public static long countOnceThere(DataSource db, String sql) {
        try {
            return count(db, sql);
        } catch (SQLException notYet) {
            return 0;
        }
    }
}
