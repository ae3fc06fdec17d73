package io.chatload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Source instances as configuration declares them: found in keys, variables and a list; their own and inherited settings. */
class SourceInstancesConfigTest {

    private static ChatloadConfig config(Map<String, String> env, Map<String, String> properties) {
        Properties system = new Properties();
        system.putAll(properties);
        return ChatloadConfig.load(env, system);
    }

    @Test
    void instancesAreFoundInEnvironmentVariablesPropertiesAndTheList() {
        ChatloadConfig config = config(
                Map.of("CHATLOAD_CHAPORT_EU_VENDOR", "chaport", "CHATLOAD_CHATFORMA_B_VENDOR", "chatforma",
                        "CHATLOAD_INSTANCES", "chatforma_b, listed_only"),
                Map.of("chatload.chaport-us.vendor", "chaport"));
        assertEquals(Map.of("chaport_eu", "chaport", "chaport-us", "chaport", "chatforma_b", "chatforma", "listed_only", ""),
                config.instances());
        assertEquals(List.of("chaport", "chaport-us", "chaport_eu"),
                config.sourceInstances("chaport").stream().map(SourceConfig::name).toList());
        assertEquals(List.of("chatforma", "chatforma_b"),
                config.sourceInstances("chatforma").stream().map(SourceConfig::name).toList());
    }

    @Test
    void todaysSourcesAreTheirOwnVendorAndNoInstances() {
        ChatloadConfig config = config(Map.of("CHAPORT_TOKEN", "t"), Map.of());
        assertEquals(Map.of(), config.instances());
        SourceConfig chaport = config.source("chaport");
        assertEquals("chaport", chaport.vendor());
        assertFalse(chaport.isInstance());
        assertNull(chaport.schema(), "the vendor's _source.yaml names the schema");
        assertNull(chaport.schedule());
        assertEquals("chatload.chaport.token", chaport.credentialProperty());
        assertEquals("acme", config.sourceSettings("acme").vendor());
        SourceConfig moved = config(Map.of("CHATLOAD_CHAPORT_SCHEMA", "chats", "CHATLOAD_CHAPORT_SCHEDULE", "1h"), Map.of())
                .sourceSettings("chaport");
        assertEquals("chats", moved.schema(), "a vendor's own source may set them too");
        assertEquals("1h", moved.schedule());
    }

    @Test
    void anInstanceHasItsOwnAccountAndTheVendorsApiSettings() {
        ChatloadConfig config = config(Map.of(
                "CHAPORT_TOKEN", "default-account-token", "CHAPORT_BASE_URL", "http://127.0.0.1:9/chaport/api/v1",
                "CHAPORT_REQUESTS_PER_SECOND", "7",
                "CHATLOAD_CHAPORT_EU_VENDOR", "chaport", "CHATLOAD_CHAPORT_EU_TOKEN", "eu-token",
                "CHATLOAD_CHAPORT_US_VENDOR", "chaport", "CHATLOAD_CHAPORT_US_BASE_URL", "http://127.0.0.1:8/us/api/v1",
                "CHATLOAD_CHAPORT_US_SCHEMA", "us_chats", "CHATLOAD_CHAPORT_US_SCHEDULE", "1h",
                "CHATLOAD_CHAPORT_US_REQUESTS_PER_SECOND", "3"), Map.of());
        SourceConfig eu = config.source("chaport_eu");
        assertTrue(eu.isInstance());
        assertEquals("chaport", eu.vendor());
        assertEquals("eu-token", eu.secret());
        assertEquals("chatload.chaport_eu.token", eu.credentialProperty());
        assertEquals(URI.create("http://127.0.0.1:9/chaport/api/v1"), eu.baseUrl(), "the vendor's base URL");
        assertEquals("chaport_eu_data", eu.schema());
        assertNull(eu.schedule(), "the vendor's schedule");
        assertEquals(7, config.getInt("chatload.chaport_eu.requests-per-second", 0, 0), "the vendor's budget, for itself");
        assertFalse(eu.toString().contains("eu-token"));

        SourceConfig us = config.source("chaport_us");
        assertFalse(us.enabled(), "the default account's token is never another account's");
        assertNull(us.secret());
        assertEquals(URI.create("http://127.0.0.1:8/us/api/v1"), us.baseUrl());
        assertEquals("us_chats", us.schema());
        assertEquals("1h", us.schedule());
        assertEquals(3, config.getInt("chatload.chaport_us.requests-per-second", 0, 0));
    }

    @Test
    void anInstanceNamesItsCredentialAsItsVendorDoes() {
        ChatloadConfig config = config(Map.of("CHATLOAD_CHATFORMA_B_VENDOR", "chatforma",
                "CHATLOAD_CHATFORMA_B_API_KEY", "b-key", "CHATFORMA_API_KEY", "a-key"), Map.of());
        SourceConfig b = config.source("chatforma_b");
        assertEquals("chatload.chatforma_b.api-key", b.credentialProperty());
        assertEquals("b-key", b.secret());
        assertEquals("CHATLOAD_CHATFORMA_B_API_KEY", config.envVariable(b.credentialProperty()));
        assertEquals(URI.create("https://api.pro.chatforma.com/public/v1"), b.baseUrl());
    }

    @Test
    void aHostIsAskedForTheKeysOfTheListedInstances() {
        ChatloadConfig config = config(Map.of(), Map.of("chatload.instances", "chatforma_b",
                "chatload.chatforma_b.vendor", "chatforma"));
        assertTrue(config.instanceKeys().containsAll(List.of("chatload.chatforma_b.vendor", "chatload.chatforma_b.token",
                "chatload.chatforma_b.api-key", "chatload.chatforma_b.base-url", "chatload.chatforma_b.schema",
                "chatload.chatforma_b.schedule", "chatload.chatforma_b.requests-per-second")), config.instanceKeys().toString());
        assertTrue(config.keys().contains("chatload.instances"), "the list is a key hosts are asked for");
    }
}
