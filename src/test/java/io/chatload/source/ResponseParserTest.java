package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser(10_000, 20);

    private Object parse(String body, String type) throws Exception {
        return parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), type);
    }

    private BadResponseException refused(String body, String type) {
        return assertThrows(BadResponseException.class, () -> parse(body, type));
    }

    @Test
    void readsJson() throws Exception {
        assertEquals(Map.of("result", List.of(Map.of("id", "a", "n", 1))), parse("{\"result\":[{\"id\":\"a\",\"n\":1}]}", "application/json"));
    }

    @Test
    void aCutShortOrHtmlBodyIsATransientFault() {
        BadResponseException cut = refused("{\"result\":[{\"id\":\"a\"", "application/json");
        assertTrue(cut.transientFault());
        assertTrue(cut.getMessage().startsWith("the body is not valid JSON ("), cut.getMessage());
        BadResponseException html = refused("<html><body>502 Bad Gateway</body></html>", "text/html; charset=utf-8");
        assertTrue(html.transientFault());
        assertEquals("the body is an HTML page, not JSON (an error page of a proxy?)", html.getMessage());
        assertTrue(refused("", "application/json").transientFault(), "an empty body");
    }

    @Test
    void limitsAreNotRetriedAndNameTheSetting() {
        BadResponseException deep = refused("[".repeat(30) + "]".repeat(30), "application/json");
        assertFalse(deep.transientFault());
        assertTrue(deep.getMessage().contains("chatload.http.max-json-depth"), deep.getMessage());
        BadResponseException large = refused("{\"x\":\"" + "a".repeat(20_000) + "\"}", "application/json");
        assertFalse(large.transientFault());
        assertTrue(large.getMessage().contains("chatload.http.max-body-bytes"), large.getMessage());
    }

    @Test
    void aKeyTwiceInOneObjectIsRefused() {
        BadResponseException twice = refused("{\"id\":1,\"id\":2}", "application/json");
        assertFalse(twice.transientFault());
        assertTrue(twice.getMessage().contains("Duplicate field 'id'"), twice.getMessage());
    }
}
