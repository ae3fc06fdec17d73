package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static io.chatload.load.TestDestinations.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {
    private static final TableTarget PEOPLE = new TableTarget("src_data", "people", List.of("id"), WriteDisposition.MERGE);

    private Destination destination;

    @BeforeEach
    void connect() throws SQLException {
        destination = TestDestinations.fresh();
    }

    @AfterEach
    void close() {
        destination.close();
    }

    private Map<String, String> columnTypes(String table) throws SQLException {
        return destination.tables("src_data").stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow()
                .columns().stream().collect(Collectors.toMap(ColumnInfo::name, ColumnInfo::sqlType, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void aFieldThatAppearsLaterBecomesANewColumn() throws SQLException {
        LoadBatch batch = destination.batch("1", 1);
        batch.add(PEOPLE, json("{\"id\":1,\"name\":\"Ann\"}"));
        batch.add(PEOPLE, json("{\"id\":2,\"name\":\"Bob\",\"jobTitle\":\"CTO\"}"));
        batch.complete();
        assertRows(List.of(row("id", 1L, "name", "Ann", "job_title", null), row("id", 2L, "name", "Bob", "job_title", "CTO")),
                rows(destination, "SELECT id, name, job_title FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void aNewDestinationOnTheSameDatabaseSeesExistingColumns() throws SQLException {
        String url = "jdbc:h2:mem:evolve" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Destination first = Destination.connect(url, "sa", "")) {
            LoadBatch batch = first.batch("1", 10);
            batch.add(PEOPLE, json("{\"id\":1,\"age\":30}"));
            batch.complete();
        }
        try (Destination second = Destination.connect(url, "sa", "")) {
            LoadBatch batch = second.batch("2", 10);
            batch.add(PEOPLE, json("{\"id\":2,\"age\":\"unknown\",\"city\":\"Oslo\"}"));
            batch.complete();
            assertRows(List.of(row("id", 1L, "age", 30L, "age__v_text", null, "city", null),
                            row("id", 2L, "age", null, "age__v_text", "unknown", "city", "Oslo")),
                    rows(second, "SELECT id, age, age__v_text, city FROM src_data.people ORDER BY id"), "people");
        }
    }

    @Test
    void clashingValuesGoToVariantColumnsAndWideningDoesNot() throws SQLException {
        LoadBatch batch = destination.batch("1", 100);
        batch.add(PEOPLE, json("{\"id\":1,\"age\":30,\"price\":1.5,\"note\":\"hi\",\"seen\":\"2017-10-03T10:47:31Z\"}"));
        batch.add(PEOPLE, json("{\"id\":2,\"age\":\"thirty\",\"price\":2,\"note\":true,\"seen\":\"soon\"}"));
        batch.add(PEOPLE, json("{\"id\":3,\"age\":30.5}"));
        batch.complete();
        Map<String, String> types = columnTypes("people");
        assertEquals("BIGINT", types.get("age"));
        assertEquals("CHARACTER VARYING", types.get("age__v_text"));
        assertEquals("DOUBLE PRECISION", types.get("age__v_double"));
        assertEquals("TIMESTAMP WITH TIME ZONE", types.get("seen"));
        assertEquals("CHARACTER VARYING", types.get("seen__v_text"));
        assertEquals(null, types.get("price__v_bigint"), "an integer fits a double column");
        assertRows(List.of(
                        row("id", 1L, "age", 30L, "age__v_text", null, "age__v_double", null, "price", 1.5, "note", "hi", "seen__v_text", null),
                        row("id", 2L, "age", null, "age__v_text", "thirty", "price", 2.0, "note", "true", "seen", null, "seen__v_text", "soon"),
                        row("id", 3L, "age", null, "age__v_double", 30.5)),
                rows(destination, "SELECT * FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void awkwardKeysAreSafeIdentifiers() throws SQLException {
        LoadBatch batch = destination.batch("1", 10);
        batch.add(PEOPLE, json("{\"id\":1,\"select\":\"s\",\"order\":\"o\",\"a\\\"; DROP TABLE x; --\":\"evil\",\"2fa\":true,"
                + "\"a_b\":1,\"aB\":2,\"" + "k".repeat(500) + "\":\"long\"}"));
        batch.complete();
        Map<String, String> types = columnTypes("people");
        String longName = types.keySet().stream().filter(c -> c.startsWith("kkk")).findFirst().orElseThrow();
        assertEquals(256, longName.length(), longName);
        String tagged = types.keySet().stream().filter(c -> c.matches("a_b_[0-9a-f]{8}")).findFirst().orElseThrow();
        assertRows(List.of(row("select", "s", "order", "o", "a_drop_table_xxxx", "evil", "_2fa", true, "a_b", 1L, tagged, 2L,
                        longName, "long")),
                rows(destination, "SELECT * FROM src_data.people"), "people");
    }
}
