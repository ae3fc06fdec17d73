package io.chatload.load;

import static io.chatload.load.TestDestinations.assertRows;
import static io.chatload.load.TestDestinations.json;
import static io.chatload.load.TestDestinations.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class SchemaEvolutionTest extends OnEachDestination {
    private static final TableTarget PEOPLE = new TableTarget("src_data", "people", List.of("id"), WriteDisposition.MERGE);

    /** The loader's type of each column, from the SQL type the database reports. */
    private Map<String, DataType> columnTypes(String table) throws SQLException {
        Dialect dialect = destination.dialect();
        return destination.tables("src_data").stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow()
                .columns().stream().collect(Collectors.toMap(ColumnInfo::name, c -> dialect.dataType(c.sqlType()),
                        (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void aFieldThatAppearsLaterBecomesANewColumn() throws SQLException {
        LoadBatch batch = destination.batch("1", 1);
        batch.add(PEOPLE, json("{\"id\":1,\"name\":\"Ann\"}"));
        batch.add(PEOPLE, json("{\"id\":2,\"name\":\"Bob\",\"jobTitle\":\"CTO\"}"));
        batch.complete();
        assertRows(List.of(row("id", 1L, "name", "Ann", "job_title", null), row("id", 2L, "name", "Bob", "job_title", "CTO")),
                db.rows("SELECT id, name, job_title FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void aNewDestinationOnTheSameDatabaseSeesExistingColumns() throws SQLException {
        LoadBatch first = destination.batch("1", 10);
        first.add(PEOPLE, json("{\"id\":1,\"age\":30}"));
        first.complete();

        LoadBatch second = db.reconnect().batch("2", 10);
        second.add(PEOPLE, json("{\"id\":2,\"age\":\"unknown\",\"city\":\"Oslo\"}"));
        second.complete();
        assertRows(List.of(row("id", 1L, "age", 30L, "age__v_text", null, "city", null),
                        row("id", 2L, "age", null, "age__v_text", "unknown", "city", "Oslo")),
                db.rows("SELECT id, age, age__v_text, city FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void aColumnAnotherDestinationAddedMeanwhileIsTakenAsItIs() throws SQLException {
        LoadBatch first = destination.batch("1", 10);
        first.add(PEOPLE, json("{\"id\":1}"));
        first.complete();
        LoadBatch meanwhile = db.another().batch("2", 10);
        meanwhile.add(PEOPLE, json("{\"id\":2,\"city\":\"Oslo\"}"));
        meanwhile.complete();

        // this destination still believes people has no city column: its ALTER TABLE meets the one made meanwhile
        LoadBatch later = destination.batch("3", 10);
        later.add(PEOPLE, json("{\"id\":3,\"city\":\"Rome\"}"));
        later.complete();
        assertRows(List.of(row("id", 1L, "city", null), row("id", 2L, "city", "Oslo"), row("id", 3L, "city", "Rome")),
                db.rows("SELECT id, city FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void columnsAnotherDestinationAddedMeanwhileAreTakenAndTheRestAddedInTheSameFlush() throws SQLException {
        LoadBatch first = destination.batch("1", 10);
        first.add(PEOPLE, json("{\"id\":1}"));
        first.complete();
        LoadBatch meanwhile = db.another().batch("2", 10);
        meanwhile.add(PEOPLE, json("{\"id\":2,\"city\":\"Oslo\"}"));
        meanwhile.complete();

        // one ALTER TABLE for city and zip fails as a whole where it cannot say IF NOT EXISTS: zip is added after
        LoadBatch later = destination.batch("3", 10);
        later.add(PEOPLE, json("{\"id\":3,\"city\":\"Rome\",\"zip\":\"00100\"}"));
        later.complete();
        assertRows(List.of(row("id", 1L, "city", null, "zip", null), row("id", 2L, "city", "Oslo", "zip", null),
                        row("id", 3L, "city", "Rome", "zip", "00100")),
                db.rows("SELECT id, city, zip FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void clashingValuesGoToVariantColumnsAndWideningDoesNot() throws SQLException {
        LoadBatch batch = destination.batch("1", 100);
        batch.add(PEOPLE, json("{\"id\":1,\"age\":30,\"price\":1.5,\"note\":\"hi\",\"seen\":\"2017-10-03T10:47:31Z\"}"));
        batch.add(PEOPLE, json("{\"id\":2,\"age\":\"thirty\",\"price\":2,\"note\":true,\"seen\":\"soon\"}"));
        batch.add(PEOPLE, json("{\"id\":3,\"age\":30.5}"));
        batch.complete();
        Map<String, DataType> types = columnTypes("people");
        assertEquals(DataType.BIGINT, types.get("age"));
        assertEquals(DataType.TEXT, types.get("age__v_text"));
        assertEquals(DataType.DOUBLE, types.get("age__v_double"));
        assertEquals(DataType.DOUBLE, types.get("price"));
        assertEquals(DataType.TIMESTAMP, types.get("seen"));
        assertEquals(DataType.TEXT, types.get("seen__v_text"));
        assertEquals(null, types.get("price__v_bigint"), "an integer fits a double column");
        assertRows(List.of(
                        row("id", 1L, "age", 30L, "age__v_text", null, "age__v_double", null, "price", 1.5, "note", "hi", "seen__v_text", null),
                        row("id", 2L, "age", null, "age__v_text", "thirty", "price", 2.0, "note", "True", "seen", null, "seen__v_text", "soon"),
                        row("id", 3L, "age", null, "age__v_double", 30.5)),
                db.rows("SELECT * FROM src_data.people ORDER BY id"), "people");
    }

    @Test
    void awkwardKeysAreSafeIdentifiers() throws SQLException {
        LoadBatch batch = destination.batch("1", 10);
        batch.add(PEOPLE, json("{\"id\":1,\"select\":\"s\",\"order\":\"o\",\"a\\\"; DROP TABLE x; --\":\"evil\",\"2fa\":true,"
                + "\"a_b\":1,\"aB\":2,\"" + "k".repeat(500) + "\":\"long\"}"));
        batch.complete();
        Map<String, DataType> types = columnTypes("people");
        String longName = types.keySet().stream().filter(c -> c.startsWith("kkk")).findFirst().orElseThrow();
        assertEquals(destination.dialect().maxIdentifierLength(), longName.length(), longName);
        // a_b and aB are one column, as in dlt: the value written last wins
        assertRows(List.of(row("select", "s", "order", "o", "a_drop_table_xxxx", "evil", "_2fa", true, "a_b", 2L,
                        longName, "long")),
                db.rows("SELECT * FROM src_data.people"), "people");
    }
}
