package io.chatload.badinput;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Chaport-shaped API on loopback: two operators, three visitors on two pages (links_next), one closed chat
 * per visitor (links_more), one event per chat, one webhook. {@link #generation} changes the operators' names,
 * the webhook's URL and the visitors' names, so a second run shows which resources really loaded. An answer can be
 * scripted per path (without {@code /api/v1}), which is how a case makes exactly one resource misbehave.
 */
final class StubChaport implements AutoCloseable {

    static final String TOKEN = "stub-token-5f0c1e";
    static final String PREFIX = "/api/v1";

    record Answer(int status, String contentType, byte[] body) {
        static Answer json(String body) {
            return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final Pattern VISITOR = Pattern.compile("/visitors/(v\\d)");
    private static final Pattern CHATS = Pattern.compile("/visitors/(v\\d)/chats");
    private static final Pattern CHAT = Pattern.compile("/visitors/(v\\d)/chats/(\\d+)");
    private static final Pattern EVENTS = Pattern.compile("/visitors/(v\\d)/chats/(\\d+)/events");

    private final HttpServer server;
    /** Every request as {@code path?query}, prefix included. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Scripted answers by path without the prefix; the function sees the query (or null). */
    final Map<String, Function<String, Answer>> overrides = new ConcurrentHashMap<>();
    volatile int generation = 1;
    /** When set, the connection of a request to this path is closed without an answer. */
    volatile String resetPath;
    /** When set, a request to this path gets a list of records that never ends, until the client hangs up. */
    volatile String endlessPath;

    StubChaport() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    String baseUrl() {
        return origin() + PREFIX;
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    long requestsTo(String pathAndQuery) {
        return requests.stream().filter(r -> r.equals(PREFIX + pathAndQuery)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            if (path.equals(PREFIX + resetPath)) {
                exchange.getResponseBody().close(); // nothing sent: the client sees the connection end
                return;
            }
            if (path.equals(PREFIX + endlessPath)) {
                endless(exchange);
                return;
            }
            Answer answer;
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = Answer.of(401, "application/json", "{\"error\":{\"code\":401}}");
            } else if (!path.startsWith(PREFIX)) {
                answer = notFound();
            } else {
                String local = path.substring(PREFIX.length());
                Function<String, Answer> scripted = overrides.get(local);
                answer = scripted != null ? scripted.apply(query) : standard(local, query);
            }
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    /** {@code {"result":[{...},{...},...} in chunks, until writing fails because the client went away. */
    private static void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] records = "{\"id\":\"op9\",\"name\":\"Endless\"},".repeat(1_000).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseBody().write("{\"result\":[".getBytes(StandardCharsets.UTF_8));
            while (!Thread.currentThread().isInterrupted()) {
                exchange.getResponseBody().write(records);
            }
        } catch (IOException hungUp) {
            // the client stopped reading: what the case wants
        }
    }

    private static Answer notFound() {
        return Answer.of(404, "application/json", "{\"error\":{\"code\":404}}");
    }

    /** What the well-behaved API answers. */
    Answer standard(String path, String query) {
        int g = generation;
        if (path.equals("/operators")) {
            return Answer.json("{\"result\":[{\"id\":\"op1\",\"name\":\"Ann g" + g + "\",\"email\":\"ann@example.com\"},"
                    + "{\"id\":\"op2\",\"name\":\"Bob g" + g + "\",\"email\":\"bob@example.com\"}]}");
        }
        if (path.equals("/events/subscriptions")) {
            return Answer.json("{\"result\":[{\"id\":\"w1\",\"event\":\"chat.started\",\"url\":\"https://hooks.example.com/g" + g + "\"}]}");
        }
        if (path.equals("/visitors")) {
            if ("page=1".equals(query)) {
                return Answer.json("{\"result\":[" + visitor("v1", g) + "," + visitor("v2", g) + "],\"links\":{\"next\":\"/visitors?page=2\"}}");
            }
            if ("page=2".equals(query)) {
                return Answer.json("{\"result\":[" + visitor("v3", g) + "],\"links\":{}}");
            }
            return Answer.json("{\"result\":[],\"links\":{}}");
        }
        if (path.equals("/things")) { // a page_number resource whose records sit under "data", for the cases that add it
            if (("&" + query + "&").contains("&page=1&")) {
                return Answer.json("{\"data\":[{\"id\":1,\"label\":\"one g" + g + "\"},{\"id\":2,\"label\":\"two g" + g + "\"}]}");
            }
            if (("&" + query + "&").contains("&page=2&")) {
                return Answer.json("{\"data\":[{\"id\":3,\"label\":\"three g" + g + "\"}]}");
            }
            return Answer.json("{\"data\":[]}");
        }
        Matcher m;
        if ((m = VISITOR.matcher(path)).matches()) {
            return Answer.json("{\"result\":" + visitor(m.group(1), g).replace("}", ",\"browser\":\"Firefox\"}") + "}");
        }
        if ((m = CHATS.matcher(path)).matches()) {
            return Answer.json("{\"result\":" + chat(1) + ",\"links\":{\"more\":[]}}");
        }
        if ((m = CHAT.matcher(path)).matches()) {
            return Answer.json("{\"result\":" + chat(Integer.parseInt(m.group(2))) + "}");
        }
        if ((m = EVENTS.matcher(path)).matches()) {
            return Answer.json("{\"result\":[{\"id\":\"e" + m.group(2) + "\",\"type\":\"message\",\"params\":{\"text\":\"hi\"}}]}");
        }
        return notFound();
    }

    static String visitor(String id, int generation) {
        int day = 10 - Integer.parseInt(id.substring(1)); // v1 newest: the list is sorted by lastChatAt, newest first
        return "{\"id\":\"" + id + "\",\"name\":\"Visitor " + id + " g" + generation + "\",\"lastChatAt\":\"2024-03-0" + day
                + "T10:00:00.000Z\"}";
    }

    static String chat(int id) {
        return "{\"id\":" + id + ",\"stage\":\"closed\",\"operators\":[\"op1\"],\"startedAt\":\"2024-03-01T09:00:00.000Z\"}";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
