package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.load.naming.Naming;
import io.chatload.testing.TestDatabases.Kind;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins dlt's {@code schema.naming} as a per-source setting on every destination: the source's convention names its
 * tables, flattened columns, child tables and variant columns ({@code duck_case} keeps Cyrillic custom fields,
 * {@code direct} joins paths with {@code ▶}); one schema is named by one convention.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class SourceNamingTest extends OnEachDestination {
    private Map<String, TableInfo> tables(String schema) throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (TableInfo table : destination.tables(schema)) {
            tables.put(table.name(), table);
        }
        return tables;
    }

    private static List<String> columns(TableInfo table) {
        return table.columns().stream().map(ColumnInfo::name).toList();
    }

    @Test
    void duckCaseKeepsCyrillicFieldNames() throws SQLException {
        TableTarget clients = new TableTarget("crm_data", "Клиенты", List.of("id"), WriteDisposition.MERGE, Naming.DUCK_CASE);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(clients, json("{\"id\":1,\"Имя\":\"Анна\",\"Адрес\":{\"Город\":\"Казань\"},\"Теги\":[\"a\",\"b\"]}"));
        batch.complete();
        Map<String, TableInfo> tables = tables("crm_data");
        TableInfo root = tables.get("Клиенты");
        assertTrue(root != null, "table Клиенты in " + tables.keySet());
        assertTrue(columns(root).containsAll(List.of("id", "Имя", "Адрес__Город")), "columns " + columns(root));
        assertEquals(2, tables.get("Клиенты__Теги").rowCount(), "child table Клиенты__Теги in " + tables.keySet());
    }

    /** On H2, which folds unquoted names to capitals, URL is the identifier url is, and reads back so. */
    @Test
    void duckCaseNamesInCapitalsOnlyLoadOnEveryDestination() throws SQLException {
        TableTarget links = new TableTarget("crm_data", "LINKS", List.of("ID"), WriteDisposition.MERGE, Naming.DUCK_CASE);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(links, json("{\"ID\":1,\"URL\":\"https://a\",\"UTM\":{\"SOURCE\":\"g\"}}"));
        batch.add(links, json("{\"ID\":1,\"URL\":\"https://b\",\"UTM\":{\"SOURCE\":\"h\"}}"));
        batch.complete();
        Dialect dialect = destination.dialect();
        String table = dialect.dltName(dialect.stored("LINKS"));
        TableInfo stored = tables("crm_data").get(table);
        assertEquals(1, stored.rowCount(), "merged on ID");
        List<String> expected = List.of("ID", "URL", "UTM__SOURCE").stream().map(c -> dialect.dltName(dialect.stored(c))).toList();
        assertTrue(columns(stored).containsAll(expected), "columns " + columns(stored) + " hold " + expected);
    }

    /** 40 Cyrillic letters are 80 bytes: past PostgreSQL's 63, which counts bytes; within MariaDB's and H2's limits. */
    @Test
    void aLongCyrillicNameFitsTheDestination() throws SQLException {
        String field = "Дополнительное поле клиента для рассылок";
        TableTarget clients = new TableTarget("crm_data", "clients", List.of("id"), WriteDisposition.MERGE, Naming.DUCK_CASE);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(clients, json("{\"id\":1,\"" + field + "\":\"да\"}"));
        batch.complete();
        String column = columns(tables("crm_data").get("clients")).get(1);
        if (kind == Kind.POSTGRES) {
            assertTrue(column.getBytes(StandardCharsets.UTF_8).length <= 63 && column.startsWith("Дополнительное")
                    && column.endsWith("рассылок"), column);
        } else {
            assertEquals(field, column);
        }
    }

    @Test
    void directJoinsChildTablesAndVariantsWithTheTriangle() throws SQLException {
        TableTarget people = new TableTarget("raw_data", "People", List.of("id"), WriteDisposition.MERGE, Naming.DIRECT);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(people, json("{\"id\":1,\"Age\":30,\"Items\":[{\"n\":1}]}"));
        batch.add(people, json("{\"id\":2,\"Age\":\"thirty\"}"));
        batch.complete();
        Map<String, TableInfo> tables = tables("raw_data");
        assertTrue(columns(tables.get("People")).containsAll(List.of("Age", "Age▶v_text")), "columns " + columns(tables.get("People")));
        assertEquals(1, tables.get("People▶Items").rowCount(), "child table in " + tables.keySet());
        // dlt's stored schema names the convention, and finds child tables and variants by its separator
        List<Map<String, Object>> versions = db.rows("SELECT schema FROM raw_data._dlt_version ORDER BY version DESC");
        Map<String, Object> stored = DltSchemaJson.read((String) versions.get(0).get("schema"));
        assertEquals("direct", map(stored.get("normalizers")).get("names"));
        Map<String, Object> storedTables = map(stored.get("tables"));
        assertEquals("People", map(storedTables.get("People▶Items")).get("parent"), "tables " + storedTables.keySet());
        assertEquals(true, map(map(map(storedTables.get("People")).get("columns")).get("Age▶v_text")).get("variant"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void oneSchemaIsNamedByOneConvention() {
        LoadBatch batch = destination.batch("1", 10);
        batch.use(new TableTarget("crm_data", "a", List.of(), WriteDisposition.APPEND, Naming.DUCK_CASE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batch.use(new TableTarget("crm_data", "b", List.of(), WriteDisposition.APPEND, Naming.SNAKE_CASE)));
        assertTrue(e.getMessage().contains("crm_data") && e.getMessage().contains("duck_case"), e.getMessage());
    }
}
