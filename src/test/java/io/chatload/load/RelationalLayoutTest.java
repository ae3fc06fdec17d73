package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dlt's relational normaliser, end to end on each database: the records of dlt's own tests
 * (tests/common/normalizers/test_json_relational.py: nested table linking, parent relations, lists in lists, empty
 * lists and objects, json past {@code max_table_nesting}, list positions) give the tables, columns (in dlt's order),
 * rows and links dlt gives. {@code _dlt_root_id} is there only for merge tables (dlt's {@code requires_root_key}).
 *
 * <p>A table is written as {@code name(columns)}, then one line per row: its label ({@code R} for the root row, the
 * parent's label and the row's {@code _dlt_list_idx} for a child row, as {@code R.0.2}), {@code ^R} when its
 * {@code _dlt_root_id} names the root row, then its other non-null values. A child row's label is derived from its
 * {@code _dlt_parent_id}, so a wrong link shows as a wrong label.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class RelationalLayoutTest extends OnEachDestination {
    /** A schema name the tests' SQL rewriting knows (MariaDB prefixes it per test). */
    private static final String SCHEMA = "chaport_data";
    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static Stream<Arguments> cases() {
        return Stream.of(
            // test_nested_table_linking, with root key propagation (merge)
            Arguments.of("nested table linking, merge", WriteDisposition.MERGE, 32,
                "{\"id\":1,\"f\":[{\"l\":[\"a\",\"b\",\"c\"],\"v\":120,\"o\":[{\"a\":1},{\"a\":2}]}]}", List.of(
                    "t(id,_dlt_load_id,_dlt_id)", "R id=1",
                    "t__f(v,_dlt_root_id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0 ^R v=120",
                    "t__f__l(value,_dlt_root_id,_dlt_parent_id,_dlt_list_idx,_dlt_id)",
                    "R.0.0 ^R value=a", "R.0.1 ^R value=b", "R.0.2 ^R value=c",
                    "t__f__o(a,_dlt_root_id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0.0 ^R a=1", "R.0.1 ^R a=2")),
            // the same without merge: dlt adds no root key
            Arguments.of("nested table linking, append", WriteDisposition.APPEND, 32,
                "{\"id\":1,\"f\":[{\"l\":[\"a\",\"b\",\"c\"],\"v\":120,\"o\":[{\"a\":1},{\"a\":2}]}]}", List.of(
                    "t(id,_dlt_load_id,_dlt_id)", "R id=1",
                    "t__f(v,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0 v=120",
                    "t__f__l(value,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0.0 value=a", "R.0.1 value=b", "R.0.2 value=c",
                    "t__f__o(a,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0.0 a=1", "R.0.1 a=2")),
            // test_yields_parent_relation: lists inside objects hang off the row holding the object
            Arguments.of("parent relation through objects", WriteDisposition.REPLACE, 32,
                "{\"id\":\"level0\",\"d\":{\"a\":[{\"id\":\"level4\"}],\"b\":{\"a\":[{\"id\":\"level5\"}],\"a_2\":[{\"id\":\"l6\"}]},\"c\":\"x\"},"
                    + "\"e\":[{\"o\":[{\"a\":1}],\"b\":{\"a\":[{\"id\":\"level5\"}]}}]}", List.of(
                    "t(id,d__c,_dlt_load_id,_dlt_id)", "R d__c=x id=level0",
                    "t__d__a(id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0 id=level4",
                    "t__d__b__a(id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0 id=level5",
                    "t__d__b__a_2(id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0 id=l6",
                    "t__e(_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0",
                    "t__e__b__a(id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0.0 id=level5",
                    "t__e__o(a,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0.0 a=1")),
            // test_list_in_list: an intermediate row per inner list; objects and scalars of one list share a table
            Arguments.of("list in list", WriteDisposition.MERGE, 32,
                "{\"id\":1,\"webpath\":[[{\"url\":\"a\"},{\"url\":\"b\"},[{\"url\":\"c\"}]],[1,2]]}", List.of(
                    "t(id,_dlt_load_id,_dlt_id)", "R id=1",
                    "t__webpath(_dlt_root_id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0 ^R", "R.1 ^R",
                    "t__webpath__list(url,_dlt_root_id,_dlt_parent_id,_dlt_list_idx,_dlt_id,value)",
                    "R.0.0 ^R url=a", "R.0.1 ^R url=b", "R.0.2 ^R", "R.1.0 ^R value=1", "R.1.1 ^R value=2",
                    "t__webpath__list__list(url,_dlt_root_id,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0.2.0 ^R url=c")),
            // test_flatten_fix_field_name / test_keeps_none_values: an empty list or object and a null make no table
            // or column; an empty inner list still has its intermediate row
            Arguments.of("empty lists and objects", WriteDisposition.APPEND, 32,
                "{\"id\":1,\"e\":[],\"o\":{},\"n\":null,\"l\":[[],[3]],\"p\":{\"q\":{}}}", List.of(
                    "t(id,_dlt_load_id,_dlt_id)", "R id=1",
                    "t__l(_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.0", "R.1",
                    "t__l__list(value,_dlt_parent_id,_dlt_list_idx,_dlt_id)", "R.1.0 value=3")),
            // test_json_types_for_recursion_level: past max_table_nesting objects and lists are json
            Arguments.of("max_table_nesting 1", WriteDisposition.APPEND, 1,
                "{\"id\":1,\"f\":[{\"l\":[\"a\"],\"v\":120,\"lo\":[{\"e\":{\"v\":1}}]},{\"v\":121}],\"o\":{\"p\":{\"q\":2}}}", List.of(
                    "t(id,o__p:json,_dlt_load_id,_dlt_id)", "R id=1 o__p={\"q\":2}",
                    "t__f(l:json,v,lo:json,_dlt_parent_id,_dlt_list_idx,_dlt_id)",
                    "R.0 l=[\"a\"] lo=[{\"e\":{\"v\":1}}] v=120", "R.1 v=121")),
            Arguments.of("max_table_nesting 0", WriteDisposition.MERGE, 0,
                "{\"id\":1,\"f\":[{\"v\":1}],\"o\":{\"p\":1}}", List.of(
                    "t(id,f:json,o:json,_dlt_load_id,_dlt_id)", "R f=[{\"v\":1}] id=1 o={\"p\":1}")),
            // a list of scalars of two types: one value column per type, as dlt's variants
            Arguments.of("variant values in a list", WriteDisposition.APPEND, 32,
                "{\"id\":1,\"tags\":[1,\"x\",2]}", List.of(
                    "t(id,_dlt_load_id,_dlt_id)", "R id=1",
                    "t__tags(value,_dlt_parent_id,_dlt_list_idx,_dlt_id,value__v_text)",
                    "R.0 value=1", "R.1 value__v_text=x", "R.2 value=2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tablesRowsAndLinksAreDlts(String name, WriteDisposition disposition, int maxTableNesting, String record,
                                   List<String> expected) throws SQLException {
        TableTarget target = new TableTarget(SCHEMA, "t", disposition == WriteDisposition.MERGE ? List.of("id") : List.of(),
                disposition, SchemaContract.EVOLVE.withLimits(maxTableNesting, SchemaContract.DEFAULT_MAX_COLUMNS));
        LoadBatch batch = db.destination().batch("load1", 10);
        batch.add(target, json(record));
        batch.complete();
        assertEquals(expected, dump(), name);
    }

    /** A column typed json keeps taking objects whole when max_table_nesting is raised later (dlt's is_nested_type). */
    @Test
    void aJsonColumnStaysJsonWhenTheNestingLimitIsRaised() throws Exception {
        for (int nesting : new int[] {1, 3}) {
            LoadBatch batch = db.destination().batch("load" + nesting, 10);
            batch.add(new TableTarget(SCHEMA, "t", List.of(), WriteDisposition.APPEND,
                    SchemaContract.EVOLVE.withLimits(nesting, SchemaContract.DEFAULT_MAX_COLUMNS)),
                    json("{\"id\":" + nesting + ",\"o\":{\"p\":{\"q\":" + nesting + "}}}"));
            batch.complete();
        }
        assertEquals("t(id,o__p:json,_dlt_load_id,_dlt_id)", dump().get(0), "no o__p__q column");
        List<String> values = new ArrayList<>();
        for (Map<String, Object> row : db.rows("SELECT o__p FROM " + SCHEMA + ".t ORDER BY id")) {
            values.add(SORTED.writeValueAsString(SORTED.readValue(String.valueOf(row.values().iterator().next()), Object.class)));
        }
        assertEquals(List.of("{\"q\":1}", "{\"q\":3}"), values);
    }

    /** dlt declares its system columns not nullable (its not_null hint); data columns stay nullable. */
    @Test
    void systemColumnsAreNotNull() throws SQLException {
        LoadBatch batch = db.destination().batch("load1", 10);
        batch.add(new TableTarget(SCHEMA, "t", List.of("id"), WriteDisposition.MERGE), json("{\"id\":1,\"name\":\"a\",\"f\":[1]}"));
        batch.complete();
        List<String> nullability = new ArrayList<>();
        for (Map<String, Object> row : db.rows("SELECT TABLE_NAME, COLUMN_NAME, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = '" + db.storedSchema(SCHEMA) + "' AND TABLE_NAME IN ('t', 'T', 't__f', 'T__F')"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            List<Object> cells = new ArrayList<>(row.values());
            nullability.add((cells.get(0) + "." + cells.get(1)).toLowerCase() + " " + cells.get(2));
        }
        assertEquals(List.of("t.id NO", "t.name YES", "t._dlt_load_id NO", "t._dlt_id NO",
                "t__f.value YES", "t__f._dlt_root_id NO", "t__f._dlt_parent_id NO", "t__f._dlt_list_idx NO", "t__f._dlt_id NO"),
                nullability);
    }

    /** The root id of a merge table is dlt's key hash, and a child row's id dlt's hash of parent, table and position. */
    @Test
    void idsAreDltsHashes() throws SQLException {
        LoadBatch batch = db.destination().batch("load1", 10);
        batch.add(new TableTarget(SCHEMA, "t", List.of("id"), WriteDisposition.MERGE), json("{\"id\":1,\"f\":[\"a\"]}"));
        batch.complete();
        String root = (String) db.rows("SELECT _dlt_id FROM " + SCHEMA + ".t").get(0).values().iterator().next();
        assertEquals("z5jIxXIbUnmbKw", root, "digest128 of {\"id\":1}");
        assertEquals(DltIds.digest(root + "_t__f_0"),
                db.rows("SELECT _dlt_id FROM " + SCHEMA + ".t__f").get(0).values().iterator().next(), "digest128 of parent_table_idx");
    }

    /** The schema's data tables as described in the class comment. */
    private List<String> dump() throws SQLException {
        Dialect dialect = db.destination().dialect();
        List<TableInfo> tables = db.destination().tables(SCHEMA).stream().filter(t -> !t.name().startsWith("_"))
                .sorted(Comparator.comparing(TableInfo::name)).toList();
        Map<Object, String> labels = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (TableInfo table : tables) {
            lines.add(table.name() + "(" + table.columns().stream()
                    .map(c -> dialect.dataType(c.sqlType()) == DataType.JSON ? c.name() + ":json" : c.name())
                    .collect(Collectors.joining(",")) + ")");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : db.rows("SELECT * FROM " + SCHEMA + "." + table.name())) {
                Map<String, Object> byName = new HashMap<>();
                row.forEach((column, value) -> byName.put(dialect.dltName(column), value));
                rows.add(byName);
            }
            rows.sort(Comparator.comparing((Map<String, Object> r) -> String.valueOf(labels.get(r.get("_dlt_parent_id"))))
                    .thenComparingLong(r -> r.get("_dlt_list_idx") == null ? 0 : ((Number) r.get("_dlt_list_idx")).longValue()));
            for (Map<String, Object> row : rows) {
                Object parent = row.get("_dlt_parent_id");
                String label = parent == null ? "R" : labels.get(parent) + "." + row.get("_dlt_list_idx");
                labels.put(row.get("_dlt_id"), label);
                StringBuilder line = new StringBuilder(label);
                if (row.get("_dlt_root_id") != null) {
                    line.append(" ^").append(labels.get(row.get("_dlt_root_id")));
                }
                row.entrySet().stream().filter(e -> !e.getKey().startsWith("_dlt_") && e.getValue() != null)
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(text(table, e.getKey(), e.getValue())));
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /** JSON compact with sorted keys (PostgreSQL's jsonb writes it its own way), numbers without a fraction when whole. */
    private String text(TableInfo table, String column, Object value) {
        Dialect dialect = db.destination().dialect();
        boolean json = table.columns().stream().anyMatch(c -> c.name().equals(column) && dialect.dataType(c.sqlType()) == DataType.JSON);
        try {
            if (json) {
                return SORTED.writeValueAsString(SORTED.readValue(value.toString(), Object.class));
            }
        } catch (Exception e) {
            throw new AssertionError(column + " holds no JSON: " + value, e);
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return value.toString();
    }
}
