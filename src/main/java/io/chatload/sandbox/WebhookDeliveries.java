package io.chatload.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulated APIs deliver as webhooks, and where: Chaport's {@code chat.started} / {@code chat.finished}
 * when a test adds chats, Chatforma's form completions when a test adds them. The targets are those a test sets
 * ({@link #deliverChaportTo}, {@link #deliverChatformaTo}) plus the subscriptions clients created through the APIs
 * whose URL is on loopback (127.0.0.1, localhost, [::1]); the sandbox never calls any other host. Each delivery is
 * made by the thread that made the change, after it is visible through the API, in the order of the changes, and
 * logged with the status it got ({@link #log()}), so a test knows when and how each was answered.
 */
public final class WebhookDeliveries {

    /** One POST made: the event, the target it went to, what it sent, and the status (-1 when it got no answer). */
    public record Delivery(String event, String target, Map<String, Object> body, int status) {
        @Override
        public String toString() {
            return event + " -> " + status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final HookStore hooks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Delivery> log = new ArrayList<>();
    /** Chatforma notifications registered through {@code POST /subscribe-notification}, by id. */
    private final Map<Integer, Map<String, Object>> notifications = new LinkedHashMap<>();
    private int nextNotificationId = 37_000;
    private volatile String chaportTarget;
    private volatile String chatformaTarget;

    WebhookDeliveries(HookStore hooks) {
        this.hooks = hooks;
    }

    /**
     * Chaport's deliveries also go to this URL from now on (null: only to subscriptions).
     * @throws IllegalArgumentException when the URL is not an http URL on loopback
     */
    public void deliverChaportTo(String url) {
        chaportTarget = loopbackOrNull(url);
    }

    /**
     * Chatforma's form completions also go to this URL from now on (null: only to registered notifications).
     * @throws IllegalArgumentException when the URL is not an http URL on loopback
     */
    public void deliverChatformaTo(String url) {
        chatformaTarget = loopbackOrNull(url);
    }

    private static String loopbackOrNull(String url) {
        if (url != null && !onLoopback(url)) {
            throw new IllegalArgumentException("a webhook target must be an http URL on 127.0.0.1 or localhost, got '" + url + "'");
        }
        return url;
    }

    /** Every delivery made so far, in order. */
    public synchronized List<Delivery> log() {
        return List.copyOf(log);
    }

    void chaport(String event, String visitorId, int chatId) {
        Set<String> targets = new LinkedHashSet<>();
        if (chaportTarget != null) {
            targets.add(chaportTarget);
        }
        for (Map<String, Object> hook : hooks.list()) {
            if (event.equals(hook.get("event")) && onLoopback((String) hook.get("targetUrl"))) {
                targets.add((String) hook.get("targetUrl"));
            }
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("visitorId", visitorId);
        extras.put("chatId", chatId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("link", ChaportApi.PREFIX + "/visitors/" + visitorId + "/chats/" + chatId);
        body.put("extras", extras);
        targets.forEach(target -> post(event, target, body));
    }

    void formCompleted(Map<String, Object> completion) {
        Set<String> targets = new LinkedHashSet<>();
        if (chatformaTarget != null) {
            targets.add(chatformaTarget);
        }
        for (Map<String, Object> n : notifications()) {
            if (n.get("botId").equals(completion.get("botId")) && n.get("formId").equals(completion.get("formId"))
                    && onLoopback((String) n.get("target_url"))) {
                targets.add((String) n.get("target_url"));
            }
        }
        targets.forEach(target -> post("form.completed", target, completion));
    }

    /** Registers a notification; an equal one already registered is returned instead. */
    synchronized Map<String, Object> subscribe(int botId, String formId, String targetUrl, String event) {
        for (Map<String, Object> n : notifications.values()) {
            if (n.get("botId").equals(botId) && n.get("formId").equals(formId) && n.get("target_url").equals(targetUrl)) {
                return n;
            }
        }
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", nextNotificationId++);
        n.put("botId", botId);
        n.put("formId", formId);
        n.put("target_url", targetUrl);
        n.put("event", event);
        notifications.put((Integer) n.get("id"), Collections.unmodifiableMap(n));
        return notifications.get((Integer) n.get("id"));
    }

    synchronized boolean unsubscribe(int id) {
        return notifications.remove(id) != null;
    }

    /** Every registered notification, in the order they were made. */
    public synchronized List<Map<String, Object>> notifications() {
        return List.copyOf(notifications.values());
    }

    private void post(String event, String target, Map<String, Object> body) {
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delivery body is always JSON", e);
        } catch (IOException | IllegalArgumentException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        synchronized (this) {
            log.add(new Delivery(event, target, body, status));
        }
    }

    private static boolean onLoopback(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && LOOPBACK.contains(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
