package io.chatload.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * A hand-written API on a loopback port for a test that needs answers the sandbox does not give (held, failing,
 * counted), with a thread per request so that one held answer holds up no other.
 */
public final class StubApi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    private StubApi(String path, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext(path, handler);
        server.start();
    }

    /** Serves {@code handler} for every path below {@code path}, e.g. {@code /api/v1/visitors}. */
    public static StubApi serve(String path, HttpHandler handler) throws IOException {
        return new StubApi(path, handler);
    }

    /** {@code http://127.0.0.1:<port>/api/v1}: the base URL of a source whose paths the stub serves. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /** Answers with a JSON body and closes the exchange. */
    public static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    /** The body of a one-page visitors list: visitors v1 to v{@code count}, each with a name. */
    public static String visitors(int count) {
        return "{\"result\":[" + String.join(",", IntStream.rangeClosed(1, count)
                .mapToObj(i -> "{\"id\":\"v" + i + "\",\"name\":\"Visitor " + i + "\"}").toList()) + "]}";
    }

    /**
     * A routes folder with Chaport's shipped defaults and visitor detail file, and a visitors list of one page (the
     * shipped one pages by links.next and stops at unchanged cursors): the stub's visitors, then each one's detail.
     */
    public static Path visitorsWithDetails(Path dir) {
        try {
            Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
            Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
            Files.copy(Path.of("routes/chaport/visitor.yaml"), chaport.resolve("visitor.yaml"));
            Files.writeString(chaport.resolve("visitors.yaml"), """
                    - templatedRoute:
                        routeTemplateRef: chatload-resource
                        routeId: chaport.visitors
                        parameters:
                          - {name: path, value: /visitors}
                    """);
            return dir.resolve("routes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
