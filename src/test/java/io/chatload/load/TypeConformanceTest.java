package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chatload.testing.TestDatabases.Kind;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * dlt's typing through the real loader on every destination: the column types dlt's detection gives new columns, the
 * values dlt's coercion converts into an existing column (in a later load and within one batch), the variant
 * columns dlt makes for the rest, named and typed as dlt does; read back from the database's own metadata and rows.
 * Pins {@code JsonLItemsNormalizer._coerce_row} over {@code coerce_value} and {@code is_iso_timestamp}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class TypeConformanceTest extends OnEachDestination {
    private static final TableTarget EVENTS = new TableTarget("types_data", "events", List.of("id"), WriteDisposition.MERGE);

    @Test
    void newColumnsGetDltsDetectedTypes() throws SQLException {
        load("1", "{\"id\":1,\"spaced\":\"2024-01-15 10:00:00\",\"offset\":\"2024-01-15T10:00:00+03:00\","
                + "\"slashed\":\"2024/01/15 10:00\",\"day\":\"2024-01-15\",\"clock\":\"10:00:00\",\"digits\":\"42\","
                + "\"count\":42,\"ratio\":1.5,\"whole\":7.0,\"flag\":true,\"huge\":9223372036854775808}");
        assertTypes(Map.of("spaced", DataType.TIMESTAMP, "offset", DataType.TIMESTAMP, "slashed", DataType.TIMESTAMP,
                "day", DataType.TEXT, "clock", DataType.TEXT, "digits", DataType.TEXT, "count", DataType.BIGINT,
                "ratio", DataType.DOUBLE, "whole", DataType.DOUBLE, "flag", DataType.BOOL));
        assertEquals(DataType.DECIMAL, types().get("huge"), "an integer past 64 bits (chatload's difference: dlt fails the load)");
        assertRow(1, cells("spaced", utc("2024-01-15T10:00:00Z"), "offset", utc("2024-01-15T07:00:00Z"),
                "slashed", utc("2024-01-15T10:00:00Z"), "day", "2024-01-15", "clock", "10:00:00", "digits", "42",
                "count", 42, "ratio", 1.5, "whole", 7.0, "flag", true, "huge", new BigDecimal("9223372036854775808")));
    }

    /** Every case of {@link TimestampDetectionTest} as a column of its own: timestamps typed and stored as instants, the rest text. */
    @Test
    void everyDetectionCaseIsTypedAndStoredAsDltDoes() throws SQLException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", 1);
        Map<String, Object> expected = new LinkedHashMap<>();
        TimestampDetectionTest.timestamps().forEach(arguments -> {
            String column = "c" + record.size();
            record.put(column, arguments.get()[0]);
            expected.put(column, utc((String) arguments.get()[1]));
        });
        TimestampDetectionTest.notTimestamps().forEach(text -> {
            String column = "c" + record.size();
            record.put(column, text);
            expected.put(column, text);
        });
        LoadBatch batch = db.destination().batch("1", 10);
        batch.add(EVENTS, record);
        batch.complete();
        Map<String, DataType> types = types();
        expected.forEach((column, value) -> assertEquals(value instanceof Instant ? DataType.TIMESTAMP : DataType.TEXT,
                types.get(column), "type of " + column + " for \"" + record.get(column) + "\""));
        assertRow(1, expected);
    }

    @Test
    void valuesDltConvertsGoIntoTheExistingColumn() throws SQLException {
        load("1", "{\"id\":1,\"price\":1.5,\"count\":10,\"flag\":false,\"seen\":\"2024-01-15T10:00:00Z\",\"note\":\"hi\","
                + "\"big\":9223372036854775808}");
        // a later load: every value below has another type than its column and converts as dlt converts it
        load("2", "{\"id\":2,\"price\":\"2.5\",\"count\":\"42\",\"flag\":1,\"seen\":1705312800,\"note\":42,\"big\":\"12\"}",
                "{\"id\":3,\"price\":3,\"count\":7.0,\"flag\":\"true\",\"seen\":\"1705312800.5\",\"note\":2.5}",
                "{\"id\":4,\"price\":\" 0xff \",\"count\":\" -5 \",\"flag\":\"no\",\"seen\":\"2024-01-15\",\"note\":false}",
                "{\"id\":5,\"count\":\"0x10\",\"flag\":0.0,\"seen\":1705312800.25,\"note\":1e16}");
        assertTypes(Map.of("price", DataType.DOUBLE, "count", DataType.BIGINT, "flag", DataType.BOOL,
                "seen", DataType.TIMESTAMP, "note", DataType.TEXT, "big", DataType.DECIMAL));
        assertTrue(types().keySet().stream().noneMatch(c -> c.contains("__v_")), "no variant columns: " + types().keySet());
        assertRow(2, cells("price", 2.5, "count", 42, "flag", true, "seen", utc("2024-01-15T10:00:00Z"), "note", "42",
                "big", new BigDecimal("12")));
        assertRow(3, cells("price", 3.0, "count", 7, "flag", true, "seen", utc("2024-01-15T10:00:00.5Z"), "note", "2.5"));
        assertRow(4, cells("price", 255.0, "count", -5, "flag", false, "seen", utc("2024-01-15T00:00:00Z"), "note", "False"));
        assertRow(5, cells("count", 16, "flag", false, "seen", utc("2024-01-15T10:00:00.25Z"), "note", "1e+16"));
    }

    @Test
    void clashesDltCannotConvertGoToVariantsNamedByTheValuesType() throws SQLException {
        // the first row makes the columns, the next rows of the same batch clash with them
        load("1", "{\"id\":1,\"count\":10,\"price\":1.5,\"flag\":true,\"seen\":\"2024-01-15T10:00:00Z\",\"code\":5}",
                "{\"id\":2,\"count\":true,\"price\":\"cheap\",\"flag\":\"maybe\",\"seen\":\"übermorgen\",\"code\":\"2024-01-15 10:00:00\"}",
                "{\"id\":3,\"count\":2.5,\"price\":false,\"flag\":2.5,\"seen\":true}");
        Map<String, DataType> types = types();
        assertTypes(Map.of("count__v_bool", DataType.BOOL, "count__v_double", DataType.DOUBLE,
                "price__v_text", DataType.TEXT, "price__v_bool", DataType.BOOL, "flag__v_text", DataType.TEXT,
                "seen__v_text", DataType.TEXT, "seen__v_bool", DataType.BOOL,
                // dlt: named by the value's type (text), typed by detection (timestamp)
                "code__v_text", DataType.TIMESTAMP));
        assertEquals(null, types.get("flag__v_double"), "2.5 converts into a bool column (true)");
        assertRow(2, cells("count", null, "count__v_bool", true, "price", null, "price__v_text", "cheap", "flag", null,
                "flag__v_text", "maybe", "seen", null, "seen__v_text", "übermorgen", "code", null,
                "code__v_text", utc("2024-01-15T10:00:00Z")));
        assertRow(3, cells("count__v_double", 2.5, "price__v_bool", false, "flag", true, "seen__v_bool", true, "code", null));
    }

    @Test
    void aValueThatFitsNeitherColumnNorVariantRefusesTheBatchAsDltDoes() throws SQLException {
        load("1", "{\"id\":1,\"code\":5}", "{\"id\":2,\"code\":\"2024-01-15 10:00:00\"}");
        LoadBatch batch = db.destination().batch("2", 100);
        batch.add(EVENTS, json("{\"id\":3,\"code\":\"x9\"}"));
        Exception e = assertThrows(Exception.class, batch::complete);
        assertTrue(String.valueOf(e.getMessage()).contains("code__v_text"), "the message names the column: " + e.getMessage());
        assertEquals(2, db.count("types_data.events"), "nothing of the refused batch is written");
    }

    private void load(String loadId, String... records) throws SQLException {
        LoadBatch batch = db.destination().batch(loadId, 100);
        for (String record : records) {
            batch.add(EVENTS, json(record));
        }
        batch.complete();
    }

    private Map<String, DataType> types() throws SQLException {
        Map<String, DataType> types = new LinkedHashMap<>();
        for (TableInfo table : db.destination().tables("types_data")) {
            if (table.name().equals("events")) {
                table.columns().forEach(c -> types.put(c.name(), db.destination().dialect().dataType(c.sqlType())));
            }
        }
        return types;
    }

    private void assertTypes(Map<String, DataType> expected) throws SQLException {
        Map<String, DataType> actual = types();
        expected.forEach((column, type) -> assertEquals(type, actual.get(column), "type of column " + column + " in " + actual));
    }

    private void assertRow(long id, Map<String, Object> expected) throws SQLException {
        List<Map<String, Object>> rows = db.rows("SELECT * FROM types_data.events WHERE id = " + id);
        assertEquals(1, rows.size(), "row " + id);
        Map<String, Object> row = rows.get(0);
        expected.forEach((column, want) -> {
            if (!row.containsKey(column)) {
                fail("row " + id + " has no column " + column + ": " + row);
            }
            assertTrue(same(want, row.get(column)), "row " + id + " column " + column + ": expected <" + want
                    + "> but was <" + row.get(column) + "> (" + row + ")");
        });
    }

    /** Compares as the database may hand values back: numbers by value, booleans also as 0/1, timestamps by instant. */
    private static boolean same(Object want, Object actual) {
        if (want == null || actual == null) {
            return want == actual;
        }
        if (want instanceof Boolean b && actual instanceof Number n) {
            return n.intValue() == (b ? 1 : 0);
        }
        if (want instanceof Number w && actual instanceof Number a) {
            return new BigDecimal(w.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        if (want instanceof Instant w && actual instanceof OffsetDateTime a) {
            return w.equals(a.toInstant());
        }
        return want.equals(actual);
    }

    private static Map<String, Object> cells(Object... cells) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            row.put((String) cells[i], cells[i + 1]);
        }
        return row;
    }

    private static Instant utc(String iso) {
        return Instant.parse(iso);
    }
}
