package io.chatload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** application.properties' placeholders, as Camel's parser reads them, over the environment handed in. */
class PlaceholdersTest {

    private final Map<String, String> asked = new LinkedHashMap<>();
    private final Placeholders placeholders = new Placeholders(
            Map.of("CHAPORT_TOKEN", "s3cret {{not.a.placeholder}}", "EMPTY", ""), asked::put);

    @Test
    void aValueComesFromItsVariableElseItsDefault() {
        assertEquals("s3cret {{not.a.placeholder}}", placeholders.resolve("chatload.chaport.token", "{{env:CHAPORT_TOKEN:}}"),
                "the environment's value as it is: a token is never parsed for placeholders");
        assertEquals("https://app.chaport.com/api/v1",
                placeholders.resolve("chatload.chaport.base-url", "{{env:CHAPORT_BASE_URL:https://app.chaport.com/api/v1}}"));
        assertEquals("", placeholders.resolve("chatload.x", "{{env:EMPTY:fallback}}"), "set but empty is set");
        assertEquals("", placeholders.resolve("chatload.y", "{{env:UNSET:}}"));
        assertEquals("500", placeholders.resolve("chatload.batch-size", " 500 "), "a plain value, trimmed");
        assertEquals("jdbc:h2:file:./chatload;A=1", placeholders.resolve("chatload.db.url",
                "{{env:CHATLOAD_DB_URL:jdbc:h2:file:./chatload}};A=1"), "a placeholder inside a value");
    }

    @Test
    void eachKeyIsToldTheVariableItsPlaceholderNames() {
        placeholders.resolve("chatload.chaport.token", "{{env:CHAPORT_TOKEN:}}");
        placeholders.resolve("chatload.batch-size", "500");
        assertEquals(Map.of("chatload.chaport.token", "CHAPORT_TOKEN"), asked);
    }
}
