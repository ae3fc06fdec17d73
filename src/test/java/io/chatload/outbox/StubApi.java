package io.chatload.outbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An API on loopback that answers every request with one status and {@code {"message": "..."}}, whose message
 * repeats the credential it received (as a careless API might), and remembers each request's credential and body.
 */
final class StubApi implements AutoCloseable {
    record Request(String path, String credential, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status;

    private StubApi(int status) throws IOException {
        this.status = status;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            String credential = exchange.getRequestHeaders().getFirst("Authorization");
            if (credential == null) {
                credential = exchange.getRequestHeaders().getFirst("api_key");
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestURI().getPath(), credential, body));
            byte[] answer = ("{\"message\":\"server trouble for " + credential + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(this.status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    static StubApi answering(int status) throws IOException {
        return new StubApi(status);
    }

    String baseUrl(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void answer(int newStatus) {
        status = newStatus;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
