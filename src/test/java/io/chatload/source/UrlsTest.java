package io.chatload.source;

import io.chatload.source.urls.Urls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void resolveJoinsBaseAndPath() {
        URI base = URI.create("https://app.chaport.com/api/v1");
        assertEquals(URI.create("https://app.chaport.com/api/v1/visitors"), Urls.resolve(base, "/visitors"));
        assertEquals(URI.create("https://app.chaport.com/api/v1/forms?botId=7"), Urls.resolve(base, "forms?botId=7"));
        assertEquals(URI.create("https://app.chaport.com/api/v1/visitors"), Urls.resolve(URI.create(base + "/"), "/visitors"));
    }

    @Test
    void withQueryParamReplacesOnlyThatParameter() {
        URI uri = URI.create("http://h/x?botId=7&page=2&per_page=50");
        assertEquals(URI.create("http://h/x?botId=7&per_page=50&page=3"), Urls.withQueryParam(uri, "page", "3"));
        assertEquals(URI.create("http://h/x?page=1"), Urls.withQueryParam(URI.create("http://h/x"), "page", "1"));
        assertEquals("2", Urls.queryParam(uri, "page"));
        assertNull(Urls.queryParam(uri, "missing"));
    }

    @Test
    void pathAndQueryLeavesOutSchemeHostAndUserInfo() {
        assertEquals("/api/v1/visitors?page=2", Urls.pathAndQuery(URI.create("https://user:pw@app.chaport.com/api/v1/visitors?page=2")));
    }

    @Test
    void originGuardComparesSchemeHostAndPort() {
        OriginGuard guard = OriginGuard.of(URI.create("https://app.chaport.com/api/v1"));
        assertTrue(guard.allows(URI.create("https://APP.chaport.com:443/api/v1/visitors/1/chats/2")));
        assertFalse(guard.allows(URI.create("http://app.chaport.com/api/v1/visitors")));
        assertFalse(guard.allows(URI.create("https://app.chaport.com:8443/api/v1/visitors")));
        assertFalse(guard.allows(URI.create("https://evil.example/api/v1/visitors")));
        assertFalse(guard.allows(URI.create("/api/v1/visitors")));
    }

    @Test
    void authSchemeBuildsTheHeaderValue() {
        assertEquals("Bearer t", new AuthScheme("Authorization", "Bearer").headerValue("t"));
        assertEquals("k", new AuthScheme("api_key", "").headerValue("k"));
    }
}
