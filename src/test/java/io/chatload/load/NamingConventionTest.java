package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingConventionTest {
    private final NamingConvention naming = new NamingConvention(63);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "lastSeen|last_seen",
        "jobTitle|job_title",
        "URLPath|url_path",
        "userID|user_id",
        "HTTPResponseCode|http_response_code",
        "id|id",
        "already_snake|already_snake",
        "with space|with_space",
        "  padded  |padded",
        "a-b|a_b",
        "a__b|a_b",
        "a+b|axb",
        "e@mail|eamail",
        "trailing_|trailingx",
        "2fa|_2fa",
        "123|_123",
        "select|select",
        "order|order",
        "café|cafe",
        "Straße|strasse",
        "имяПользователя|imya_polzovatelya",
        "日本|x",
    })
    void snakeCase(String key, String expected) {
        assertEquals(expected, naming.normalize(key), "normalised name of '" + key + "'");
    }

    @Test
    void emptyKeyHasAStableName() {
        assertEquals("_empty", naming.normalize(""));
        assertEquals("_empty", naming.normalize("   "));
    }

    @Test
    void sqlTextInAKeyBecomesAPlainIdentifier() {
        String name = naming.normalize("a\"; DROP TABLE x; --");
        assertEquals("a_drop_table_xxxx", name, "trailing \"; --\" ends as x per underscore, like dlt");
        assertTrue(name.matches("[a-z0-9_]+"), name);
    }

    @Test
    void longNamesAreShortenedDeterministically() {
        String key = "k".repeat(500);
        String once = naming.identifier(key);
        assertEquals(63, once.length(), once);
        assertEquals(once, new NamingConvention(63).identifier(key), "same key, same name in another instance");
        assertNotEquals(once, naming.identifier("k".repeat(499) + "j"), "names differing past the limit stay apart");
        assertTrue(once.matches("[a-z0-9_]+"), once);
    }

    @Test
    void collidingKeysAreToldApartAndTheNormalFormKeepsItsName() {
        Map<String, String> names = naming.keyNames(List.of("aB", "a_b"), Set.of());
        assertEquals("a_b", names.get("a_b"));
        assertTrue(names.get("aB").matches("a_b_[0-9a-f]{8}"), names.get("aB"));
        assertEquals(names, naming.keyNames(List.of("a_b", "aB"), Set.of()), "key order does not change names");
    }

    @Test
    void reservedNamesAreNotTaken() {
        Map<String, String> names = naming.keyNames(List.of("_dlt_id", "name"), Flattener.SYSTEM_COLUMNS);
        assertNotEquals("_dlt_id", names.get("_dlt_id"));
        assertTrue(names.get("_dlt_id").startsWith("_dlt_id_"), names.get("_dlt_id"));
        assertEquals("name", names.get("name"));
    }

    @Test
    void variantColumnsNameTheirType() {
        assertEquals("age__v_text", naming.variant("age", DataType.TEXT));
        assertEquals("price__v_double", naming.variant("price", DataType.DOUBLE));
    }
}
