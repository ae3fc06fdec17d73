package io.chatload.thirdapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third API on loopback, neither Chaport nor Chatforma: a help desk with {@value #TICKETS} tickets, three to a page,
 * each with a few comments, two to a page; both lists name their next page as an absolute URL in
 * {@code next_page} (null on the last). Only {@code Authorization: Bearer }{@value #TOKEN} is answered.
 */
final class StubHelpdesk implements AutoCloseable {

    static final String TOKEN = "helpdesk-token-8d1e52";
    static final String PREFIX = "/api/v2";
    static final int TICKETS = 7;
    private static final int TICKETS_PER_PAGE = 3;
    private static final int COMMENTS_PER_PAGE = 2;
    private static final Pattern COMMENTS = Pattern.compile(PREFIX + "/tickets/(\\d+)/comments");

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    final List<String> requests = new CopyOnWriteArrayList<>();

    StubHelpdesk() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    /** The tickets, as the API holds them. */
    static List<Map<String, Object>> tickets() {
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (int id = 1; id <= TICKETS; id++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", id);
            t.put("subject", "Printer " + id + " is out of toner");
            t.put("status", id % 3 == 0 ? "solved" : "open");
            t.put("requester", Map.of("name", "Customer " + id, "email", "c" + id + "@example.org"));
            t.put("tags", id % 2 == 0 ? List.of("hardware", "urgent") : List.of("hardware"));
            tickets.add(t);
        }
        return tickets;
    }

    /** The comments of a ticket: ticket id modulo 4, plus one. */
    static List<Map<String, Object>> comments(int ticket) {
        List<Map<String, Object>> comments = new ArrayList<>();
        for (int n = 1; n <= ticket % 4 + 1; n++) {
            comments.add(Map.of("id", ticket * 100 + n, "body", "Comment " + n + " on ticket " + ticket,
                    "public", n % 2 == 1));
        }
        return comments;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query == null ? path : path + "?" + query);
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, Map.of("error", "unauthorized"));
            return;
        }
        int page = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
        Matcher comments = COMMENTS.matcher(path);
        if (path.equals(PREFIX + "/tickets")) {
            answer(exchange, 200, page(tickets(), page, TICKETS_PER_PAGE, "tickets", baseUrl() + "/tickets"));
        } else if (comments.matches()) {
            int ticket = Integer.parseInt(comments.group(1));
            answer(exchange, 200, page(comments(ticket), page, COMMENTS_PER_PAGE, "comments",
                    baseUrl() + "/tickets/" + ticket + "/comments"));
        } else {
            answer(exchange, 404, Map.of("error", "not found"));
        }
    }

    private static Map<String, Object> page(List<Map<String, Object>> all, int page, int size, String key, String url) {
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, all.subList(from, to));
        body.put("next_page", to < all.size() ? url + "?page=" + (page + 1) : null);
        body.put("count", all.size());
        return body;
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
