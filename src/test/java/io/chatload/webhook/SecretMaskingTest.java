package io.chatload.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ChatloadConfig;
import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No webhook secret is stored, whatever the command and whether or not a receiver runs: {@code run --once} loads
 * subscriptions whose target URLs carry secrets, and no text column of any table holds one afterwards.
 */
class SecretMaskingTest {

    /** The sources with a receiver, as the vendor plug-ins make them. */
    private static final List<String> SOURCES = List.of("chaport", "chatforma");
    private static final String CONFIGURED = "configured-0123456789abcdef";
    private static final String FOREIGN = "someone-elses-secret-42";

    @TempDir
    Path dir;

    @Test
    void theSegmentAfterWebhooksAndTheConfiguredSecretsAreMaskedWhereverTheyAppear() {
        SecretMasking masking = SecretMasking.from(ChatloadConfig.load(Map.of("CHATFORMA_WEBHOOK_SECRET", CONFIGURED),
                new Properties()), SOURCES);
        Map<String, Object> record = new LinkedHashMap<>(Map.of(
                "targetUrl", "https://a.example/webhooks/anything/" + FOREIGN + "?x=1",
                "nested", new LinkedHashMap<>(Map.of("list", new ArrayList<>(List.of("see " + CONFIGURED + " here", 7)))),
                "other", "https://a.example/webhooks/", "plain", "nothing"));
        masking.accept(record);
        assertEquals("https://a.example/webhooks/anything/****?x=1", record.get("targetUrl"));
        assertEquals(Map.of("list", List.of("see **** here", 7)), record.get("nested"));
        assertEquals("https://a.example/webhooks/", record.get("other"), "no segment after the source: nothing to mask");
        assertEquals("nothing", record.get("plain"));
    }

    @Test
    void aValueThatCouldNotBeASecretMasksNothing() {
        SecretMasking masking = SecretMasking.from(ChatloadConfig.load(Map.of("CHAPORT_WEBHOOK_SECRET", "a"),
                new Properties()), SOURCES);
        assertEquals("a banana", masking.masked("a banana"));
    }

    @Test
    void runOnceWithoutAReceiverStoresNoSecretOfASubscription() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY))) {
            subscribe(sandbox, "https://hooks.example.org/webhooks/chaport/" + CONFIGURED);
            subscribe(sandbox, "https://other.example.org/webhooks/zapier/" + FOREIGN);
            subscribe(sandbox, "https://third.example.org/callback?token=" + CONFIGURED);
            ChatloadConfig config = TestPipeline.config(sandbox, dir, Path.of("routes"),
                    Map.of("CHAPORT_WEBHOOK_SECRET", CONFIGURED));
            try (TestPipeline p = TestPipeline.once(config)) {
                LoadSummary summary = p.runOnce("chaport.webhooks");
                assertFalse(summary.failed(), String.join("\n", summary.lines()));
                DataSource db = p.destination.dataSource();
                List<Object> urls = Truth.query(db, "SELECT target_url FROM chaport_data.webhooks").stream()
                        .map(row -> row.get("target_url")).collect(Collectors.toList());
                assertTrue(urls.contains("https://hooks.example.org/webhooks/chaport/****"), urls.toString());
                assertTrue(urls.contains("https://other.example.org/webhooks/zapier/****"), urls.toString());
                assertTrue(urls.contains("https://third.example.org/callback?token=****"), urls.toString());
                assertNoTextColumnHolds(db, CONFIGURED, FOREIGN);
            }
        }
    }

    private static void subscribe(SandboxServer sandbox, String targetUrl) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.chaportBaseUrl() + "/events/subscriptions"))
                .header("Authorization", "Bearer " + sandbox.config().chaportToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"targetUrl\":\"" + targetUrl + "\",\"event\":\"chat.started\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
    }

    /** Every text column of every table outside INFORMATION_SCHEMA, row by row. */
    static void assertNoTextColumnHolds(DataSource db, String... secrets) throws Exception {
        List<String[]> columns = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE UPPER(TABLE_SCHEMA) <> 'INFORMATION_SCHEMA' AND UPPER(DATA_TYPE) IN ('CHARACTER VARYING', "
                     + "'CHARACTER LARGE OBJECT', 'CHARACTER', 'JSON')")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        assertTrue(columns.size() > 10, "the tables' text columns were found: " + columns.size());
        for (String[] column : columns) {
            for (String secret : secrets) {
                long hits = Truth.count(db, "SELECT COUNT(*) FROM \"" + column[0] + "\".\"" + column[1] + "\" WHERE CAST(\""
                        + column[2] + "\" AS VARCHAR) LIKE '%" + secret + "%'");
                assertEquals(0, hits, column[0] + "." + column[1] + "." + column[2] + " holds a secret");
            }
        }
    }
}
