package io.chatload.vendor.chatforma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.WebhookDeliveries.Delivery;
import io.chatload.testing.Truth;
import io.chatload.testing.WebhookBed;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chatforma's form notifications under {@code run}: a completion lands in form_submissions with its answers. */
class ChatformaWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bot, form and user: unique per completion in these tests, so the table can be compared by them. */
    private static final List<String> KEY = List.of("bot_id", "form_id", "bot_user_id");

    @TempDir
    Path dir;
    WebhookBed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aFormCompletionAppearsInFormSubmissionsWithItsAnswers() throws Exception {
        bed = new WebhookBed(dir).with("chatload.chaport.webhook.enabled", "false").start();
        SandboxData data = bed.sandbox.data();
        data.webhooks().deliverChatformaTo(bed.chatformaReceiver());

        List<Map<String, Object>> completions = data.addFormCompletions(4, 3);

        assertEquals(4, completions.size());
        data.webhooks().log().forEach(d -> assertEquals(200, d.status(), d.toString()));
        DataSource db = bed.pipeline.destination.dataSource();
        assertSubmissionsEqual(db, completions);
        assertEquals(4, Truth.count(db, "SELECT COUNT(*) FROM chatforma_data._dlt_loads WHERE status = 0"),
                "one completed load per delivery");
        assertEquals(Map.of(), bed.sandbox.stats(), "nothing fetched: the delivery holds the whole completion");
    }

    @Test
    void fiftyDuplicateDeliveriesLeaveOneRowAndOneSetOfAnswers() throws Exception {
        bed = new WebhookBed(dir).with("chatload.chaport.webhook.enabled", "false").start();
        List<Map<String, Object>> completions = bed.sandbox.data().addFormCompletions(2, 11);
        List<String> bodies = new ArrayList<>();
        for (Map<String, Object> completion : completions) {
            bodies.add(JSON.writeValueAsString(completion));
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String body = bodies.get(i % bodies.size());
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return bed.post(bed.chatformaReceiver(), body).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, senders));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            senders.shutdown();
        }
        assertSubmissionsEqual(bed.pipeline.destination.dataSource(), completions);
    }

    @Test
    void aWrongSecretIs404AndBadBodiesAre400AndNeitherChangesAnything() throws Exception {
        bed = new WebhookBed(dir).with("chatload.chaport.webhook.enabled", "false").start();
        Map<String, Object> completion = bed.sandbox.data().addFormCompletions(1, 5).get(0);
        String good = JSON.writeValueAsString(completion);

        assertEquals(404, bed.post(bed.receiver("chatforma", "wrong-secret-0123456789abcdef"), good).statusCode());
        assertEquals(404, bed.post(bed.receiver("chatforma", WebhookBed.CHAPORT_SECRET), good).statusCode(),
                "each receiver has its own secret");
        for (String bad : List.of("", "{", "[]", withChanged(completion, "botId", null), withChanged(completion, "formId", 12),
                withChanged(completion, "date", "yesterday"), withChanged(completion, "data", "Email: x"),
                withChanged(completion, "botUserId", "12; DROP TABLE users"))) {
            HttpResponse<String> answer = bed.post(bed.chatformaReceiver(), bad);
            assertEquals(400, answer.statusCode(), bad + " -> " + answer.body());
        }
        HttpResponse<String> test = bed.post(bed.chatformaReceiver(), withChanged(completion, "test", true));
        assertEquals(200, test.statusCode(), "a test delivery is acknowledged");
        assertEquals(0, Truth.count(bed.pipeline.destination.dataSource(), "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'chatforma_data' AND TABLE_NAME LIKE 'form_submissions%'"), "nothing was stored");
    }

    /**
     * The body is untrusted: under the webhook tables' contract a list elsewhere in it makes no table, what is nested
     * deeper than the answers is kept as JSON text, and a body wider than the column cap is refused with 400 at once.
     */
    @Test
    void aWideOrDeeplyNestedDeliveryKeepsToTheWebhookContract() throws Exception {
        bed = new WebhookBed(dir).with("chatload.chaport.webhook.enabled", "false").start();
        List<Map<String, Object>> completions = bed.sandbox.data().addFormCompletions(2, 2);
        Map<String, Object> nested = new LinkedHashMap<>(completions.get(0));
        nested.put("extraLists", List.of(Map.of("a", 1), Map.of("b", List.of(1, 2))));
        nested.put("meta", Map.of("x", Map.of("y", Map.of("z", 1))));
        List<Object> answers = new ArrayList<>((List<?>) nested.get("data"));
        answers.add(Map.of("question", "Colours", "answer", Map.of("choices", List.of("red", "blue"))));
        nested.put("data", answers);
        assertEquals(200, bed.post(bed.chatformaReceiver(), JSON.writeValueAsString(nested)).statusCode());

        DataSource db = bed.pipeline.destination.dataSource();
        assertEquals(List.of("form_submissions", "form_submissions__data"), strings(db, "SELECT TABLE_NAME FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'chatforma_data' AND TABLE_NAME LIKE 'form_submissions%' "
                + "ORDER BY TABLE_NAME"), "no table for extraLists, none below the answers");
        assertEquals(List.of("{\"y\":{\"z\":1}}"), strings(db, "SELECT META__X FROM CHATFORMA_DATA.FORM_SUBMISSIONS"));
        assertEquals(List.of("{\"choices\":[\"red\",\"blue\"]}"), strings(db,
                "SELECT ANSWER FROM CHATFORMA_DATA.FORM_SUBMISSIONS__DATA WHERE QUESTION = 'Colours'"));

        Map<String, Object> wide = new LinkedHashMap<>(completions.get(1));
        for (int i = 0; i < 300; i++) {
            wide.put("junk" + i, i);
        }
        long started = System.nanoTime();
        HttpResponse<String> refused = bed.post(bed.chatformaReceiver(), JSON.writeValueAsString(wide));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "answered at once");
        assertEquals(1, Truth.count(db, "SELECT COUNT(*) FROM CHATFORMA_DATA.FORM_SUBMISSIONS"), "the wide one is not stored");
        assertEquals(0, Truth.count(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'chatforma_data' "
                + "AND COLUMN_NAME LIKE 'junk%'"), "nor any of its columns");
    }

    @Test
    void withAPublicUrlEveryFormIsSubscribedOnceAndCompletionsArriveThroughTheSubscription() throws Exception {
        bed = new WebhookBed(dir).with("chatload.chaport.webhook.enabled", "false");
        bed.with("chatload.chatforma.webhook.public-url", "http://127.0.0.1:" + bed.port + "/").start();
        SandboxData data = bed.sandbox.data();
        int forms = data.chatformaBots().stream().mapToInt(b -> data.chatformaForms((Integer) b.get("id")).size()).sum();
        awaitNotifications(data, forms);
        List<Map<String, Object>> notifications = data.webhooks().notifications();
        notifications.forEach(n -> assertEquals(bed.chatformaReceiver(), n.get("target_url")));

        bed.stop();
        bed.start();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (bed.requests("GET /chatforma/public/v1/notification") < 2L * forms && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(2L * forms, bed.requests("GET /chatforma/public/v1/notification"), "the second start checked every form");
        assertEquals(notifications, data.webhooks().notifications(), "a restart subscribes nothing again");

        List<Map<String, Object>> completions = data.addFormCompletions(2, 8);
        List<Delivery> log = data.webhooks().log();
        assertEquals(2, log.size(), "delivered through the subscriptions only");
        log.forEach(d -> assertEquals(200, d.status(), d.toString()));
        assertSubmissionsEqual(bed.pipeline.destination.dataSource(), completions);
    }

    private static void awaitNotifications(SandboxData data, int count) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (data.webhooks().notifications().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, data.webhooks().notifications().size(), "one notification per form");
    }

    private static void assertSubmissionsEqual(DataSource db, List<Map<String, Object>> completions) throws Exception {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, Object> c : completions) {
            Map<String, Object> row = new LinkedHashMap<>(c);
            expected.add(row);
        }
        assertEquals(completions.size(), new HashSet<>(completions.stream()
                .map(c -> List.of(c.get("botId"), c.get("formId"), c.get("botUserId"))).toList()).size(),
                "the test's completions differ in bot, form or user");
        Truth.assertTableEquals(db, "chatforma_data", "form_submissions", KEY, expected);
        long answers = completions.stream().mapToLong(c -> ((List<?>) c.get("data")).size()).sum();
        assertEquals(answers, Truth.count(db, "SELECT COUNT(*) FROM chatforma_data.form_submissions__data"),
                "each answer once");
    }

    private static List<String> strings(DataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String withChanged(Map<String, Object> completion, String field, Object value) throws Exception {
        Map<String, Object> changed = new LinkedHashMap<>(completion);
        changed.put(field, value);
        if (value == null) {
            changed.remove(field);
        }
        return JSON.writeValueAsString(changed);
    }
}
