package io.chatload.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's webhooks: chat.finished for a chat a new one closed, then chat.started, per added chat; form
 * completions; all before the mutation returns, the same for the same seed, and never to a host off loopback.
 */
class WebhookDeliveriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void addedChatsAreDeliveredBeforeAddChatsReturnsTheSameForTheSameSeed() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) { // the same changes on the same data deliver the same, in the same order
            received.clear();
            SandboxData data = SandboxData.generate(SandboxConfig.defaults());
            data.webhooks().deliverChaportTo(url("/chaport"));
            data.addChats(5, 3);
            data.addChats(5, 4); // chats of visitors with an open chat close first

            List<WebhookDeliveries.Delivery> log = data.webhooks().log();
            assertEquals(received.size(), log.size(), "delivered before addChats returned");
            log.forEach(d -> assertEquals(202, d.status()));
            assertEquals(10, log.stream().filter(d -> d.event().equals("chat.started")).count());
            Map<List<Object>, Long> finished = new java.util.HashMap<>();
            for (WebhookDeliveries.Delivery d : log) {
                Map<?, ?> extras = (Map<?, ?>) d.body().get("extras");
                finished.merge(List.of(extras.get("visitorId"), extras.get("chatId")), d.event().equals("chat.finished") ? 1L : 0L, Long::sum);
            }
            finished.forEach((chat, count) -> assertEquals(
                    "closed".equals(data.chaportChat((String) chat.get(0), (Integer) chat.get(1)).get("stage")) ? 1L : 0L, count,
                    "a chat that is over now, closed by a newer one or ended at once, was finished once: " + chat));
            assertTrue(finished.values().stream().mapToLong(Long::longValue).sum() > 0, "some chat was finished");
            for (WebhookDeliveries.Delivery d : log) {
                Map<?, ?> extras = (Map<?, ?>) d.body().get("extras");
                int chatId = (Integer) extras.get("chatId");
                Map<String, Object> chat = data.chaportChat((String) extras.get("visitorId"), chatId);
                if (d.event().equals("chat.finished")) {
                    assertEquals("closed", chat.get("stage"), "a finished chat is served closed");
                }
                assertEquals(ChaportApi.PREFIX + "/visitors/" + extras.get("visitorId") + "/chats/" + chatId, d.body().get("link"));
            }
            runs.add(List.copyOf(received));
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void otherProcessesMakeChangesThroughTheControlEndpointsAndTargetsStayOnLoopback() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults())) {
            sandbox.data().webhooks().deliverChaportTo(url("/chaport"));
            sandbox.data().webhooks().deliverChatformaTo(url("/chatforma"));
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String change : List.of("/_sandbox/chats?count=2&seed=3", "/_sandbox/form-completions?count=3&seed=3")) {
                java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.baseUrl() + change)).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
            }
            assertEquals(3, received.stream().filter(r -> r.startsWith("/chatforma ")).count());
            assertEquals(2, received.stream().filter(r -> r.startsWith("/chaport ") && r.contains("chat.started")).count());
            assertEquals(received.size(), sandbox.data().webhooks().log().size(), "delivered before the answer");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> sandbox.data().webhooks().deliverChaportTo("https://crm.lumenshop.io/hook"));
        }
    }

    @Test
    void subscriptionsOnLoopbackAreDeliveredToAndOthersNever() throws Exception {
        SandboxData data = SandboxData.generate(SandboxConfig.defaults());
        data.hookStore().create("chat.started", url("/hooked"), true);
        data.addChats(2, 5);

        List<String> targets = data.webhooks().log().stream().map(WebhookDeliveries.Delivery::target).distinct().toList();
        assertEquals(List.of(url("/hooked")), targets, "the generated hooks on crm.lumenshop.io are never called");
        assertEquals(2, received.size(), "chat.started only: nothing subscribed chat.finished");
    }

    @Test
    void formCompletionsAreDeliveredToTheTargetAndToRegisteredNotifications() throws Exception {
        SandboxData data = SandboxData.generate(SandboxConfig.defaults());
        data.webhooks().deliverChatformaTo(url("/chatforma"));
        Map<String, Object> first = data.addFormCompletions(1, 1).get(0);
        data.webhooks().subscribe((Integer) first.get("botId"), (String) first.get("formId"), url("/registered"), null);
        data.webhooks().deliverChatformaTo(null);
        List<Map<String, Object>> later = data.addFormCompletions(40, 2);

        long ofForm = later.stream().filter(c -> c.get("botId").equals(first.get("botId"))
                && c.get("formId").equals(first.get("formId"))).count();
        assertEquals(1 + ofForm, received.size());
        assertTrue(received.get(0).startsWith("/chatforma {"));
        assertEquals(first, JSON.readValue(received.get(0).substring("/chatforma ".length()), Map.class));
        Map<?, ?> truth = (Map<?, ?>) data.truth().get("chatforma");
        assertEquals(41, ((List<?>) truth.get("formCompletions")).size());
        assertEquals(List.of("botUserId", "firstName", "lastName", "name", "username", "phone", "email", "date", "botId",
                "formId", "data"), new ArrayList<>(first.keySet()));
    }
}
