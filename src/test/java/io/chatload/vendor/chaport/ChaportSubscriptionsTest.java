package io.chatload.vendor.chaport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxData;
import io.chatload.testing.Truth;
import io.chatload.testing.WebhookBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a public URL, {@code run} subscribes chat.started and chat.finished to its receiver, once: a restart finds them
 * and creates none; Chaport then delivers through them. The secret in their URL is stored nowhere: the webhooks
 * table keeps the URL masked, and no table or log line holds the secret.
 */
class ChaportSubscriptionsTest {

    @TempDir
    Path dir;
    WebhookBed bed;

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void subscriptionsAreCreatedOnceDeliverAndAreStoredWithoutTheSecret() throws Exception {
        bed = new WebhookBed(dir).with("chatload.chatforma.webhook.enabled", "false");
        bed.with("chatload.chaport.webhook.public-url", "http://127.0.0.1:" + bed.port).start();
        SandboxData data = bed.sandbox.data();
        List<Map<String, Object>> generated = data.chaportSubscriptions();
        awaitRequests("POST /chaport/api/v1/events/subscriptions", 2);
        // a request is counted as it arrives and stored as it is answered: wait for the second to be stored too
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ours(data).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Map<String, Object>> ours = ours(data);
        assertEquals(Set.of("chat.started", "chat.finished"), Set.copyOf(ours.stream().map(h -> h.get("event")).toList()));
        assertEquals(generated.size() + 2, data.chaportSubscriptions().size());

        bed.stop();
        bed.start();
        // each start reads the subscriptions twice: the check at start, and the subscriptions check
        awaitRequests("GET /chaport/api/v1/events/subscriptions", 4);
        assertEquals(2, bed.requests("POST /chaport/api/v1/events/subscriptions"), "a restart creates none again");
        assertEquals(generated.size() + 2, data.chaportSubscriptions().size());

        data.addChats(1, 17);
        assertFalse(data.webhooks().log().isEmpty(), "delivered through the subscription");
        data.webhooks().log().forEach(d -> assertEquals(202, d.status(), d.toString()));
        assertTrue(bed.fetches().awaitIdle(Duration.ofSeconds(20)));
        DataSource db = bed.pipeline.destination.dataSource();
        Map<?, ?> extras = (Map<?, ?>) data.webhooks().log().get(0).body().get("extras");
        ChaportWebhookTest.assertChatsEqualTruth(db, data, Set.of(List.of(extras.get("visitorId"), extras.get("chatId"))));

        LoadSummary hooks = bed.pipeline.runOnce("webhooks");
        assertFalse(hooks.failed(), String.join("\n", hooks.lines()));
        Map<String, Map<String, Object>> rows = Truth.rowsByKey(db, "chaport_data", "webhooks", List.of("id"));
        for (Map<String, Object> hook : ours) {
            assertEquals("http://127.0.0.1:" + bed.port + "/webhooks/chaport/****", rows.get(hook.get("id")).get("target_url"),
                    "the webhooks table keeps our subscriptions' URL masked");
        }
        for (Map<String, Object> hook : generated) {
            assertEquals(hook.get("targetUrl"), rows.get(hook.get("id")).get("target_url"), "other URLs stay as they are");
        }
        String dump = String.join("\n", Truth.query(db, "SCRIPT").stream().map(r -> String.valueOf(r.values())).toList());
        assertTrue(dump.contains("chat_events"), "the dump holds the data");
        assertFalse(dump.contains(WebhookBed.CHAPORT_SECRET), "the secret is in no table");
        bed.stop();
        Path log = Path.of("target/surefire-reports/" + getClass().getName() + "-output.txt");
        if (Files.exists(log)) {
            assertFalse(Files.readString(log).contains(WebhookBed.CHAPORT_SECRET), "the secret is in no log line");
        }
    }

    @Test
    void aRefusedTokenIsOneLineAtStartAndTheReceiverStillAnswers() throws Exception {
        bed = new WebhookBed(dir).with("chatload.chatforma.webhook.enabled", "false").with("CHAPORT_TOKEN", "wrong-token");
        bed.with("chatload.chaport.webhook.public-url", "http://127.0.0.1:" + bed.port).start();
        awaitRequests("GET /chaport/api/v1/events/subscriptions", 2); // the check at start and the subscriptions check

        assertEquals(0, bed.requests("POST /chaport/api/v1/events/subscriptions"), "nothing subscribed with a refused token");
        String visitorId = (String) bed.sandbox.data().chaportVisitors().get(0).get("id");
        assertEquals(202, bed.post(bed.chaportReceiver(), ChaportWebhookTest.delivery("chat.started", visitorId, 1000)).statusCode());
        assertTrue(bed.fetches().awaitIdle(Duration.ofSeconds(20)));
        assertEquals(1, bed.requests("GET /chaport/api/v1/visitors/{id}/chats/{chatId}"), "the fetch was tried, and refused");
        assertEquals(1, Truth.count(bed.pipeline.destination.dataSource(),
                "SELECT COUNT(*) FROM chaport_data._chatload_loads WHERE status = 'FAILED' AND error LIKE '%answered HTTP 401%'"),
                "the failed fetch is a failed load in the ledger");
    }

    private List<Map<String, Object>> ours(SandboxData data) {
        return data.chaportSubscriptions().stream().filter(h -> bed.chaportReceiver().equals(h.get("targetUrl"))).toList();
    }

    private void awaitRequests(String key, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bed.requests(key) < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, bed.requests(key), key);
    }
}
