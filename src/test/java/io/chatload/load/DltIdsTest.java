package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins dlt's row ids (dlt/common/utils.py {@code digest128}, dlt/common/normalizers/json/helpers.py
 * {@code get_nested_row_hash} and {@code get_row_hash}): the expected values are Python's
 * {@code base64.b64encode(hashlib.shake_128(text.encode()).digest(10)).rstrip("=")}.
 */
class DltIdsTest {
    @ParameterizedTest(name = "digest128({0} x {1})")
    @CsvSource({
        "'', 0, f5wrpOiPgn1hYA",
        "abc, 1, WIEJLdgYv1z4ow",
        // one byte short of SHAKE128's 168-byte block, exactly one block, several blocks
        "x, 167, 3a/oL2GAREbaBw",
        "x, 168, bcvU48FxqV2g6Q",
        "x, 400, zyL9AObAeNZx4g",
    })
    void digestIsDltsDigest128(String text, int times, String expected) {
        assertEquals(expected, DltIds.digest(text.repeat(times)));
    }

    @Test
    void aNestedRowsIdIsDigest128OfParentTableAndPosition() {
        // dlt: digest128(f"{parent_row_id}_{nested_table}_{list_idx}", 10)
        assertEquals("+fMMqLkSvwkYkA", DltIds.nested("ROOT", "chats__events", 0));
    }

    @Test
    void aMergeRootIdIsTheHashOfItsKeyAsSortedCompactJson() {
        // dlt's key_hash: digest128b(json.dumpb({"id": 1}, sort_keys=True)) = digest of {"id":1}
        assertEquals("z5jIxXIbUnmbKw", DltIds.keyHash(List.of("id"), Map.of("id", 1, "name", "x")));
        assertEquals("FfB6xeSlafsaiw", DltIds.keyHash(List.of("b", "a"), Map.of("a", "café", "b", 2)),
                "keys sorted, UTF-8 kept as it is");
    }

    /** The key's JSON is written without building maps: it must be the text the maps gave, whatever the values. */
    @ParameterizedTest(name = "key value {0}")
    @MethodSource("keyValues")
    void aKeyWrittenDirectlyIsTheJsonOfItsSortedMap(Object value) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", value);
        row.put("bot_id", 7);
        row.put("name", "x");
        for (List<String> key : List.of(List.of("id"), List.of("id", "bot_id"), List.of("bot_id", "id", "id"))) {
            Map<String, Object> sorted = new TreeMap<>();
            key.forEach(column -> sorted.put(column, row.get(column)));
            String expected = DltIds.digest(Json.write(new LinkedHashMap<>(sorted)));
            assertEquals(expected, DltIds.keyHash(key, row), key + " = " + sorted);
        }
    }

    static List<Object> keyValues() {
        return List.of("plain", "quote \" back\\slash /", "tab\tnew\nline\r\b\f \u0001\u001f\u007f", "café ✓ 😀",
                "line\u2028sep\u2029", "\ud800 lone", "", 0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, 12345678901L, true, false,
                new BigInteger("123456789012345678901234567890"), 1.5, -0.0, 1e300, Double.NaN, new BigDecimal("1.50"),
                Map.of("a", 1), List.of(1, "b"));
    }

    @Test
    void randomIdsHaveDltsShapeAndDiffer() {
        String id = DltIds.random();
        assertTrue(id.matches("[A-Za-z0-9+/]{14}"), id);
        assertNotEquals(id, DltIds.random());
    }
}
