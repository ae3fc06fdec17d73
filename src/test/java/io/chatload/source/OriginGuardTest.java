package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginGuardTest {

    private final OriginGuard guard = OriginGuard.of(URI.create("https://app.chaport.com/api/v1"));

    @Test
    void theApisOwnOriginIsAllowedInAnySpelling() {
        assertTrue(guard.allows(URI.create("https://app.chaport.com/api/v1/visitors")));
        assertTrue(guard.allows(URI.create("HTTPS://App.Chaport.com:443/api/v1/visitors/1/chats/2")));
        assertEquals("https://app.chaport.com:443", guard.origin());
    }

    @Test
    void userInfoIsRefusedEvenOnTheApisOwnHost() {
        assertFalse(guard.allows(URI.create("https://user:pw@app.chaport.com/api/v1/visitors/1/chats/2")));
        assertFalse(guard.allows(URI.create("https://user@app.chaport.com:443/api/v1/visitors")));
        assertFalse(guard.allows(URI.create("https://:@app.chaport.com/api/v1/visitors")));
    }

    @Test
    void anotherSchemeHostOrPortIsRefused() {
        assertFalse(guard.allows(URI.create("http://app.chaport.com/api/v1/visitors")));
        assertFalse(guard.allows(URI.create("https://app.chaport.com:8443/api/v1/visitors")));
        assertFalse(guard.allows(URI.create("https://app.chaport.com.evil.example/api/v1/visitors")));
        assertFalse(guard.allows(URI.create("/api/v1/visitors")));
    }
}
