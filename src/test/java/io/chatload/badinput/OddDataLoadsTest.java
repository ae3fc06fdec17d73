package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.badinput.StubChaport.Answer;
import io.chatload.engine.LoadSummary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-formed JSON that is merely odd LOADS: keys that are SQL, carry quotes or unicode, are empty or 500 characters
 * long; values whose type changes (variant columns); 1 000 levels of nesting under a raised limit (the loader keeps
 * what is past its table depth as JSON text); a 10 MB string. Every value comes back exactly; the other operator and
 * the other resources load as usual. Keys that dlt gives one name share one column, and the last value wins.
 */
class OddDataLoadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private BadInputBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new BadInputBed(dir);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    /** Serves {@code odd} as operator op1 beside the usual op2, loads, and returns op1's row. */
    private Map<String, Object> loadOperator(Map<String, Object> odd) throws Exception {
        Map<String, Object> op1 = new LinkedHashMap<>();
        op1.put("id", "op1");
        op1.putAll(odd);
        String body = "{\"result\":[" + JSON.writeValueAsString(op1)
                + ",{\"id\":\"op2\",\"name\":\"Bob\",\"email\":\"bob@example.com\"}]}";
        bed.api.overrides.put("/operators", q -> Answer.json(body));
        LoadSummary summary = bed.run();
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        assertEquals(List.of("Bob"), bed.column("SELECT name FROM chaport_data.operators WHERE id = 'op2'"));
        bed.assertNoDuplicates();
        List<Map<String, Object>> rows = bed.rows("SELECT * FROM chaport_data.operators WHERE id = 'op1'");
        assertEquals(1, rows.size());
        for (String column : rows.get(0).keySet()) {
            assertTrue(column.matches("[a-z0-9_]+") && column.length() <= 256, "a sanitised column name: " + column);
        }
        return rows.get(0);
    }

    /** Keys and values in this order: where keys share a column, the order says which value wins. */
    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Each value of {@code odd} is in some column of the row, exactly. */
    private static void assertValuesKept(Map<String, Object> row, Map<String, Object> odd) {
        for (Map.Entry<String, Object> e : odd.entrySet()) {
            assertTrue(row.containsValue(String.valueOf(e.getValue())),
                    "the value of key <" + e.getKey() + "> is kept exactly: " + row);
        }
    }

    @Test
    void keysThatAreSqlLoadAsPlainColumns() throws Exception {
        Map<String, Object> odd = Map.of("select", "s1", "from", "f1", "order", "o1",
                "DROP TABLE chaport_data.operators; --", "d1", "'); DELETE FROM chaport_data.visitors; --", "q1",
                "x\" text); DROP TABLE t; --", "c1");
        assertValuesKept(loadOperator(odd), odd);
        assertEquals(3, bed.column("SELECT id FROM chaport_data.visitors").size(), "chaport_data.visitors is intact");
    }

    @Test
    void keysWithQuotesLoad() throws Exception {
        Map<String, Object> odd = Map.of("it's", "apostrophe", "say \"hi\"", "double", "back`tick", "backtick",
                "semi;colon", "semicolon", "back\\slash", "backslash");
        assertValuesKept(loadOperator(odd), odd);
    }

    /** dlt's snake_case makes every letter outside a-z an underscore: имя, 名前, 😀 and שם all come to x. */
    @Test
    void unicodeKeysAreNamedAsDltNamesThemAndValuesComeBackExactly() throws Exception {
        Map<String, Object> row = loadOperator(ordered("café", "crème brûlée", "z\u0301", "combining a\u0301", "имя", "Анна",
                "名前", "花子", "😀", "🎉 party 🎉", "שם", "\u200fעברית\u200f"));
        assertEquals("crème brûlée", row.get("cafx"));
        assertEquals("combining a\u0301", row.get("zx"));
        assertEquals("\u200fעברית\u200f", row.get("x"), "one column x, the last value wins");
    }

    @Test
    void anEmptyKeyLoads() throws Exception {
        Map<String, Object> odd = Map.of("", "empty key's value");
        assertValuesKept(loadOperator(odd), odd);
    }

    @Test
    void a500CharacterKeyLoadsUnderAShortenedColumnName() throws Exception {
        Map<String, Object> odd = Map.of("k".repeat(500), "long key's value");
        assertValuesKept(loadOperator(odd), odd);
    }

    @Test
    void two500CharacterKeysThatDifferOnlyAtTheEndStayTwoColumns() throws Exception {
        Map<String, Object> odd = Map.of("k".repeat(499) + "a", "first", "k".repeat(499) + "b", "second");
        assertValuesKept(loadOperator(odd), odd);
    }

    @Test
    void keysThatCollideAfterSnakeCaseShareOneColumnAndTheLastValueWins() throws Exception {
        Map<String, Object> row = loadOperator(ordered("lastSeen", "camel", "last_seen", "snake", "LAST SEEN", "spaced"));
        assertEquals("spaced", row.get("last_seen"));
        assertFalse(row.containsValue("camel") || row.containsValue("snake"), "no second column: " + row);
    }

    @Test
    void aKeyNamedLikeABookkeepingColumnDoesNotOverwriteIt() throws Exception {
        Map<String, Object> row = loadOperator(ordered("_dlt_id", "mine", "_dlt_load_id", "mine too"));
        assertNotEquals("mine", row.get("_dlt_id"));
        assertNotEquals("mine too", row.get("_dlt_load_id"));
        assertFalse(row.containsValue("mine") || row.containsValue("mine too"), "no second column: " + row);
    }

    @Test
    void valuesThatAreSqlOrControlCharactersComeBackExactly() throws Exception {
        Map<String, Object> odd = Map.of("a", "'); DROP TABLE chaport_data.operators; --", "b", "tab\tnew\nline\r\n",
                "c", "nul\u0000char", "d", "\\'\\\"");
        assertValuesKept(loadOperator(odd), odd);
    }

    @Test
    void valuesWhoseTypeChangesGoToVariantColumnsAndNoneIsLost() throws Exception {
        loadOperator(Map.of("age", 30, "vip", true, "score", 1.5, "tags", "x"));
        // values dlt cannot convert ("yes" would become true in the bool column, as dlt's str2bool does)
        Map<String, Object> row = loadOperator(Map.of("age", "thirty", "vip", "maybe", "score", "high", "tags", 7));
        assertValuesKept(row, Map.of("age", "thirty", "vip", "maybe", "score", "high", "tags", 7));
        assertTrue(row.keySet().stream().anyMatch(c -> c.startsWith("age__v_")), "a variant column for age: " + row.keySet());
    }

    @Test
    void anObjectWhereAScalarWasAndAListWhereAScalarWasLoad() throws Exception {
        loadOperator(Map.of("extra", "plain", "more", "plain"));
        Map<String, Object> row = loadOperator(Map.of("extra", Map.of("inner", "nested value"), "more", List.of("l1", "l2")));
        assertTrue(row.containsValue("nested value"), row.toString());
        assertEquals(List.of("l1", "l2"), bed.column("SELECT value FROM chaport_data.operators__more ORDER BY _dlt_list_idx"));
    }

    @Test
    void anIntegerBeyondSixtyFourBitsComesBackWithEveryDigit() throws Exception {
        Map<String, Object> row = loadOperator(Map.of("big", new java.math.BigInteger("123456789012345678901234567890")));
        assertTrue(row.values().stream().anyMatch(v -> v != null && v.toString().replace(".0", "")
                .replace("E", "").contains("123456789012345678901234567890")), row.toString());
    }

    @Test
    void nullsAndEmptyContainersLoad() throws Exception {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("name", null);
        odd.put("empty", Map.of());
        odd.put("none", List.of());
        loadOperator(odd);
    }

    @Test
    void jsonServedAsTextHtmlStillLoadsBecauseTheBodyIsJson() throws Exception {
        bed.api.overrides.put("/operators", q -> Answer.of(200, "text/html", "{\"result\":[{\"id\":\"op1\",\"name\":\"Ann\"}]}"));
        LoadSummary summary = bed.run();
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        assertEquals(List.of("Ann"), bed.column("SELECT name FROM chaport_data.operators"));
    }

    @Test
    void aThousandLevelsOfObjectsLoadUnderARaisedLimitTheDeepPartAsJsonText() throws Exception {
        bed.with("chatload.http.max-json-depth", "2000");
        Object deep = "bottom";
        for (int i = 0; i < 1000; i++) {
            deep = Map.of("a", deep);
        }
        Map<String, Object> row = loadOperator(Map.of("deep", deep));
        String text = row.values().stream().filter(v -> v != null && v.toString().startsWith("{")).map(Object::toString)
                .findFirst().orElseThrow(() -> new AssertionError("no JSON text column: " + row.keySet()));
        Object rest = JSON.readValue(text, Object.class);
        int levels = 0;
        while (rest instanceof Map<?, ?> m) {
            rest = m.get("a");
            levels++;
        }
        assertEquals("bottom", rest, "the deepest value is kept");
        long flattened = row.keySet().stream().filter(c -> c.startsWith("deep__a")).count();
        assertTrue(levels > 900 && flattened >= 1, levels + " levels kept as JSON text below the flattened columns");
    }

    @Test
    void aThousandLevelsOfListsLoadUnderARaisedLimit() throws Exception {
        bed.with("chatload.http.max-json-depth", "2000");
        String deep = "[".repeat(1000) + "\"bottom\"" + "]".repeat(1000);
        bed.api.overrides.put("/operators", q -> Answer.json("{\"result\":[{\"id\":\"op1\",\"deep\":" + deep + "}]}"));
        LoadSummary summary = bed.run();
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        long tables = bed.column("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'chaport_data' "
                + "AND LOWER(table_name) LIKE 'operators__deep%'").size();
        assertTrue(tables >= 1 && tables <= 40, "child tables up to the loader's depth, not 1000: " + tables);
    }

    @Test
    void aTenMegabyteStringValueComesBackExactly() throws Exception {
        StringBuilder big = new StringBuilder(10 * 1024 * 1024);
        for (int i = 0; big.length() < 10 * 1024 * 1024; i++) {
            big.append("line ").append(i).append(" é\n");
        }
        String value = big.toString();
        bed.api.overrides.put("/operators", q -> {
            try {
                return Answer.json("{\"result\":[{\"id\":\"op1\",\"bio\":" + JSON.writeValueAsString(value) + "}]}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LoadSummary summary = bed.run();
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        try (Connection c = bed.pipeline().destination.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT bio FROM chaport_data.operators WHERE id = ?")) {
            s.setString(1, "op1");
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                String loaded = rs.getString(1);
                assertEquals(value.length(), loaded.length(), "length of the 10 MB value");
                assertTrue(value.equals(loaded), "the 10 MB value round-trips exactly");
            }
        }
    }
}
