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

    @Test
    void anySourceIsConfiguredFromItsEnvironmentVariablesByCamelsConvention() {
        Properties system = new Properties();
        system.setProperty("chatload.acme.concurrency", "2");
        ChatloadConfig config = ChatloadConfig.load(Map.of("CHATLOAD_ACME_BASE_URL", "http://127.0.0.1:9/acme/v2",
                "CHATLOAD_ACME_TOKEN", "acme-token", "CHATLOAD_ACME_USERNAME", "ann", "CHATLOAD_ACME_PASSWORD", "pw"), system);
        SourceConfig acme = config.sourceSettings("acme");
        assertEquals(URI.create("http://127.0.0.1:9/acme/v2"), acme.baseUrl());
        assertTrue(acme.enabled());
        assertEquals("acme-token", acme.secret());
        assertEquals("ann", acme.credential("chatload.acme.username"));
        assertEquals("pw", acme.credential("chatload.acme.password"));
        assertEquals(2, acme.concurrency(), "-D still wins over the environment");
        assertFalse(acme.toString().contains("acme-token") || acme.toString().contains("pw"), acme.toString());
        assertEquals("CHATLOAD_ACME_BASE_URL", config.envVariable("chatload.acme.base-url"));
        assertEquals("CHAPORT_TOKEN", config.envVariable("chatload.chaport.token"), "the variable application.properties names");
    }

    @Test
    void theShippedVariablesStillWorkAndTheConventionalOnesToo() {
        assertEquals("a", ChatloadConfig.load(Map.of("CHAPORT_TOKEN", "a"), new Properties()).source("chaport").secret());
        assertEquals("b", ChatloadConfig.load(Map.of("CHATFORMA_API_KEY", "b"), new Properties()).source("chatforma").secret());
        assertEquals("c", ChatloadConfig.load(Map.of("CHATLOAD_CHAPORT_TOKEN", "c"), new Properties()).source("chaport").secret());
    }

    @Test
    void aMissingOrBadBaseUrlIsTheSourcesProblemNotAnError() {
        ChatloadConfig config = ChatloadConfig.load(Map.of("CHATLOAD_BAD_BASE_URL", "nope"), new Properties());
        SourceConfig acme = config.sourceSettings("acme");
        assertFalse(acme.enabled());
        assertEquals("chatload.acme.base-url is not set: set CHATLOAD_ACME_BASE_URL (or chatload.acme.base-url in "
                + "application.properties) to the API's base URL, e.g. https://api.example.com/v1", acme.problem());
        assertTrue(config.sourceSettings("bad").problem().startsWith("chatload.bad.base-url = 'nope' is not a valid base URL"));
        assertThrows(ConfigException.class, () -> config.source("acme"), "the strict lookup still throws");
    }
}
