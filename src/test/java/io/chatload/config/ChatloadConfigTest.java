package io.chatload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChatloadConfigTest {

    @Test
    void defaultsComeFromApplicationProperties() {
        ChatloadConfig config = ChatloadConfig.load(Map.of(), new Properties());
        assertEquals("jdbc:h2:file:./chatload", config.dbUrl());
        SourceConfig chaport = config.source("chaport");
        assertEquals(URI.create("https://app.chaport.com/api/v1"), chaport.baseUrl());
        assertFalse(chaport.enabled());
        assertEquals("chatload.chaport.token", chaport.credentialProperty());
        assertEquals("chatload.chatforma.api-key", config.source("chatforma").credentialProperty());
    }

    @Test
    void environmentVariablesOverrideDefaultsAndSystemPropertiesOverrideBoth() {
        Properties system = new Properties();
        system.setProperty("chatload.db.url", "jdbc:h2:mem:x");
        ChatloadConfig config = ChatloadConfig.load(Map.of("CHAPORT_TOKEN", "secret-token", "CHATLOAD_DB_URL", "jdbc:h2:mem:y",
                "CHAPORT_BASE_URL", "http://127.0.0.1:9/chaport/api/v1/"), system);
        assertEquals("jdbc:h2:mem:x", config.dbUrl());
        SourceConfig chaport = config.source("chaport");
        assertTrue(chaport.enabled());
        assertEquals("secret-token", chaport.secret());
        assertEquals(URI.create("http://127.0.0.1:9/chaport/api/v1"), chaport.baseUrl());
    }

    @Test
    void theSecretNeverShowsInToString() {
        ChatloadConfig config = ChatloadConfig.load(Map.of("CHAPORT_TOKEN", "secret-token"), new Properties());
        assertFalse(config.source("chaport").toString().contains("secret-token"));
    }

    @Test
    void aBadBaseUrlNamesTheSetting() {
        ChatloadConfig config = ChatloadConfig.load(Map.of("CHAPORT_BASE_URL", "app.chaport.com/api"), new Properties());
        ConfigException e = assertThrows(ConfigException.class, () -> config.source("chaport"));
        assertTrue(e.getMessage().startsWith("chatload.chaport.base-url = 'app.chaport.com/api' is not a valid base URL"), e.getMessage());
        ChatloadConfig ftp = ChatloadConfig.load(Map.of("CHAPORT_BASE_URL", "ftp://h/x"), new Properties());
        assertThrows(ConfigException.class, () -> ftp.source("chaport"));
    }

    @Test
    void aBadNumberNamesTheSetting() {
        Properties system = new Properties();
        system.setProperty("chatload.batch-size", "lots");
        ConfigException e = assertThrows(ConfigException.class, () -> ChatloadConfig.load(Map.of(), system).batchSize());
        assertEquals("chatload.batch-size = 'lots' is not a whole number >= 1", e.getMessage());
    }
}
