package io.chatload.vendor.chaport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.WebhookDeliveries.Delivery;
import io.chatload.testing.Truth;
import io.chatload.testing.WebhookBed;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaport's webhooks under {@code run}, with schedules that never fire during the test: a delivered chat and its
 * events appear in the database within 2 s, fetched by id, without a poll; a wrong secret and bad bodies change
 * nothing; repeated deliveries leave one row each.
 */
class ChaportWebhookTest {

    private static final String CHAT_BY_ID = "GET /chaport/api/v1/visitors/{id}/chats/{chatId}";
    private static final String EVENTS = "GET /chaport/api/v1/visitors/{id}/chats/{chatId}/events";

    @TempDir
    Path dir;
    WebhookBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new WebhookBed(dir).start();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void deliveredChatsAndTheirEventsAppearWithinTwoSecondsWithoutAPoll() throws Exception {
        bed.sandbox.data().webhooks().deliverChaportTo(bed.chaportReceiver());
        DataSource db = bed.pipeline.destination.dataSource();
        // the first delivery after a start also creates the tables and warms the JVM: it may take longer
        bed.sandbox.data().addChats(1, 40);
        Set<List<Object>> first = chatsOf(bed.sandbox.data().webhooks().log());
        assertTrue(awaitLoaded(db, first, Duration.ofSeconds(30)), "the first delivered chat was loaded");

        int before = bed.sandbox.data().webhooks().log().size();
        long delivered = System.nanoTime();
        bed.sandbox.data().addChats(3, 41); // each delivers chat.started, and chat.finished for an open chat it closed
        List<Delivery> all = bed.sandbox.data().webhooks().log();
        List<Delivery> measured = all.subList(before, all.size());
        assertTrue(measured.stream().filter(d -> d.event().equals("chat.started")).count() == 3, measured.toString());
        all.forEach(d -> assertEquals(202, d.status(), d.toString()));
        Set<List<Object>> chats = chatsOf(measured);
        assertTrue(awaitLoaded(db, chats, Duration.ofSeconds(2).minusNanos(System.nanoTime() - delivered)),
                "every delivered chat and its events were in the database within 2 s of the delivery");
        assertTrue(bed.fetches().awaitIdle(Duration.ofSeconds(10)));

        Set<List<Object>> every = chatsOf(all);
        assertChatsEqualTruth(db, bed.sandbox.data(), every);
        assertEquals(0, bed.requests("GET /chaport/api/v1/visitors"), "no poll of the visitors list");
        assertEquals(0, bed.requests("GET /chaport/api/v1/visitors/{id}/chats"), "no poll of a visitor's chats");
        // a delivery that comes while its chat is being fetched (chat.finished right after chat.started) fetches it again
        long byId = bed.requests(CHAT_BY_ID);
        assertTrue(byId >= every.size() && byId <= all.size(), "each chat fetched by id, at most once per delivery: " + byId);
        assertEquals(byId, bed.requests(EVENTS), "with its events");
        assertTrue(Truth.query(db, "SELECT status FROM chaport_data._chatload_loads").stream()
                .allMatch(load -> "COMPLETED".equals(load.get("status"))), "every webhook load completed");
    }

    /** Polls the database until the chats and their events are there or the time is up; no sleep races. */
    private static boolean awaitLoaded(DataSource db, Set<List<Object>> chats, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!loaded(db, chats)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Test
    void aWrongSecretIs404AndChangesNothing() throws Exception {
        // the receivers' server runs beside the management server
        bed.stop();
        int management = WebhookBed.freePort();
        bed.with("chatload.management.port", Integer.toString(management)).start();
        assertEquals(200, bed.get("http://127.0.0.1:" + management + "/observe/health").statusCode());
        String visitorId = (String) bed.sandbox.data().chaportVisitors().get(0).get("id");
        int chatId = (Integer) bed.sandbox.data().chaportChats(visitorId).get(0).get("id");
        String body = delivery("chat.started", visitorId, chatId);

        HttpResponse<String> wrong = bed.post(bed.receiver("chaport", "wrong-secret-0123456789abcdef"), body);
        HttpResponse<String> prefix = bed.post(bed.receiver("chaport", WebhookBed.CHAPORT_SECRET.substring(0, 20)), body);
        HttpResponse<String> none = bed.post("http://127.0.0.1:" + bed.port + "/webhooks/chaport/", body);

        assertEquals(List.of(404, 404, 404), List.of(wrong.statusCode(), prefix.statusCode(), none.statusCode()));
        assertFalse(wrong.body().contains(WebhookBed.CHAPORT_SECRET));
        assertTrue(bed.fetches().awaitIdle(Duration.ofSeconds(5)));
        assertEquals(Map.of("GET /chaport/api/v1/events/subscriptions", 2L), bed.sandbox.stats(),
                "nothing was fetched but the check at each of the two starts");
        assertEquals(0, Truth.count(bed.pipeline.destination.dataSource(), "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'chaport_data' AND TABLE_NAME IN ('chats', 'chat_events')"), "no table was written");
    }

    @Test
    void aMisnamedChatsResourceStopsTheStartWithOneLine() throws Exception {
        bed.stop();
        bed.with("chatload.chaport.webhook.chats-resource", "chaport.chat");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, bed::start);
        Throwable cause = e;
        while (!(cause instanceof io.chatload.config.ConfigException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("chatload.chaport.webhook.chats-resource names chaport.chat, which the routes folder does not declare",
                cause.getMessage());
    }

    @Test
    void malformedOrUnknownBodiesAre400AndChangeNothing() throws Exception {
        String visitorId = (String) bed.sandbox.data().chaportVisitors().get(0).get("id");
        List<String> bad = List.of(
                "",
                "{not json",
                "[1, 2]",
                "{\"event\": \"chat.started\", \"event\": \"chat.finished\", \"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": 1}}",
                "{\"event\": \"chat.newEvent.visitorMessage\", \"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": 1}}",
                "{\"event\": 7, \"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": 1}}",
                "{\"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": 1}}",
                "{\"event\": \"chat.started\"}",
                "{\"event\": \"chat.started\", \"extras\": {\"visitorId\": \"../operators\", \"chatId\": 1}}",
                "{\"event\": \"chat.started\", \"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": -3}}",
                "{\"event\": \"chat.started\", \"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": 1.5}}",
                "{\"event\": \"chat.started\", \"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": \"12a\"}}");
        for (String body : bad) {
            HttpResponse<String> answer = bed.post(bed.chaportReceiver(), body);
            assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
            assertTrue(answer.body().startsWith("{\"error\":"), answer.body());
        }
        assertEquals(405, bed.get(bed.chaportReceiver()).statusCode(), "only POST");
        assertTrue(bed.fetches().awaitIdle(Duration.ofSeconds(5)));
        assertEquals(Map.of("GET /chaport/api/v1/events/subscriptions", 1L), bed.sandbox.stats(),
                "nothing was fetched but the check at start");
    }

    @Test
    void aRefusedDeliveryIsQuotedWithItsControlCharactersEscaped() throws Exception {
        String visitorId = (String) bed.sandbox.data().chaportVisitors().get(0).get("id");
        HttpResponse<String> answer = bed.post(bed.chaportReceiver(), "{\"event\": \"chat.\\u009b2J\\u001b]0;x\\u0007\\u202e\", "
                + "\"extras\": {\"visitorId\": \"" + visitorId + "\", \"chatId\": 1}}");
        assertEquals(400, answer.statusCode(), answer.body());
        assertFalse(answer.body().chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e), answer.body());
        assertTrue(answer.body().contains("chat.\\\\u009b2J\\\\u001b]0;x\\\\u0007\\\\u202e"), answer.body());
    }

    @Test
    void fiftyDuplicateDeliveriesLeaveOneRowEach() throws Exception {
        SandboxData data = bed.sandbox.data();
        String visitorId = (String) data.chaportVisitors().get(1).get("id");
        int chatId = (Integer) data.chaportChats(visitorId).get(0).get("id");
        // the lenient forms of the same delivery: chatId as text, ids only in the link
        List<String> bodies = List.of(delivery("chat.started", visitorId, chatId),
                delivery("chat.finished", visitorId, chatId).replace("\"chatId\":" + chatId, "\"chatId\":\"" + chatId + "\""),
                "{\"event\":\"chat.finished\",\"link\":\"https://app.chaport.com/api/v1/visitors/" + visitorId + "/chats/" + chatId + "\"}");
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String body = bodies.get(i % bodies.size());
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return bed.post(bed.chaportReceiver(), body).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, senders));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            senders.shutdown();
        }
        assertTrue(bed.fetches().awaitIdle(Duration.ofSeconds(20)), "the fetches ended");

        DataSource db = bed.pipeline.destination.dataSource();
        assertChatsEqualTruth(db, data, Set.of(List.of(visitorId, chatId)));
        long fetched = bed.requests(CHAT_BY_ID);
        assertTrue(fetched >= 1 && fetched < 50, "deliveries of a chat waiting for its fetch fold into it: " + fetched);
        // one more burst after all settled: still one row each
        for (int i = 0; i < 5; i++) {
            assertEquals(202, bed.post(bed.chaportReceiver(), bodies.get(0)).statusCode());
        }
        assertTrue(bed.fetches().awaitIdle(Duration.ofSeconds(20)));
        assertChatsEqualTruth(db, data, Set.of(List.of(visitorId, chatId)));
    }

    /** The (visitorId, chatId) pairs the deliveries named. */
    private static Set<List<Object>> chatsOf(List<Delivery> deliveries) {
        Set<List<Object>> chats = new LinkedHashSet<>();
        for (Delivery d : deliveries) {
            Map<?, ?> extras = (Map<?, ?>) d.body().get("extras");
            chats.add(List.of(extras.get("visitorId"), extras.get("chatId")));
        }
        return chats;
    }

    private static boolean loaded(DataSource db, Set<List<Object>> chats) {
        try {
            for (List<Object> chat : chats) {
                String where = "visitor_id = '" + chat.get(0) + "' AND ";
                if (Truth.count(db, "SELECT COUNT(*) FROM chaport_data.chats WHERE " + where + "id = " + chat.get(1)) != 1
                        || Truth.count(db, "SELECT COUNT(*) FROM chaport_data.chat_events WHERE " + where + "chat_id = "
                        + chat.get(1)) == 0) {
                    return false;
                }
            }
            return true;
        } catch (java.sql.SQLException e) {
            return false; // the tables do not exist yet
        }
    }

    /** chats and chat_events hold exactly these chats, as the sandbox serves them now, with the poll's columns. */
    static void assertChatsEqualTruth(DataSource db, SandboxData data, Set<List<Object>> chats) throws Exception {
        List<Map<String, Object>> chatRows = new ArrayList<>();
        List<Map<String, Object>> eventRows = new ArrayList<>();
        for (List<Object> c : chats) {
            String visitorId = (String) c.get(0);
            int chatId = ((Number) c.get(1)).intValue();
            Map<String, Object> row = new LinkedHashMap<>(data.chaportChat(visitorId, chatId));
            row.remove("events");
            row.put("visitor_id", visitorId);
            chatRows.add(row);
            for (Map<String, Object> event : data.chaportEvents(visitorId, chatId)) {
                Map<String, Object> eventRow = new LinkedHashMap<>(event);
                eventRow.put("visitor_id", visitorId);
                eventRow.put("chat_id", chatId);
                eventRows.add(eventRow);
            }
        }
        Truth.assertTableEquals(db, "chaport_data", "chats", List.of("visitor_id", "id"), chatRows);
        Truth.assertTableEquals(db, "chaport_data", "chat_events", List.of("visitor_id", "chat_id", "id"), eventRows);
    }

    static String delivery(String event, String visitorId, int chatId) {
        return "{\"event\":\"" + event + "\",\"extras\":{\"visitorId\":\"" + visitorId + "\",\"chatId\":" + chatId + "}}";
    }
}
