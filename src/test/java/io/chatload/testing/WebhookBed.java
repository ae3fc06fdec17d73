package io.chatload.testing;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.vendor.chaport.ChatFetches;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A sandbox and the runtime of {@code run} with the shipped resource files, whose schedules are moved to 2099 so
 * that no poll fires during a test: whatever lands in the database came through a webhook.
 */
public final class WebhookBed implements AutoCloseable {

    public static final String CHAPORT_SECRET = "chaport-test-secret-0123456789abcdef";
    public static final String CHATFORMA_SECRET = "chatforma-test-secret-0123456789abcdef";

    public final SandboxServer sandbox;
    public final Path dir;
    public final int port;
    private final Map<String, String> settings = new HashMap<>();
    public TestPipeline pipeline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookBed(Path dir) throws IOException {
        this.dir = dir;
        this.sandbox = SandboxServer.start(SandboxConfig.defaults());
        this.port = freePort();
        copyRoutes("chaport");
        copyRoutes("chatforma");
        settings.put("chatload.webhook.host", "127.0.0.1");
        settings.put("chatload.webhook.port", Integer.toString(port));
        settings.put("chatload.management.port", "0");
        settings.put("chatload.chaport.webhook.enabled", "true");
        settings.put("chatload.chaport.webhook.secret", CHAPORT_SECRET);
        settings.put("chatload.chatforma.webhook.enabled", "true");
        settings.put("chatload.chatforma.webhook.secret", CHATFORMA_SECRET);
    }

    public WebhookBed with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Starts chatload's {@code run}, with the receivers on {@link #port}. */
    public WebhookBed start() throws Exception {
        pipeline = TestPipeline.scheduled(TestPipeline.config(sandbox, dir, dir.resolve("routes"), settings));
        if (!"false".equals(settings.get("chatload.chaport.webhook.enabled"))
                && !fetches().awaitWarm(java.time.Duration.ofSeconds(30))) {
            throw new IllegalStateException("the Chaport receiver did not warm up within 30 s");
        }
        return this;
    }

    public void stop() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    public String receiver(String source, String secret) {
        return "http://127.0.0.1:" + port + "/webhooks/" + source + "/" + secret;
    }

    public String chaportReceiver() {
        return receiver("chaport", CHAPORT_SECRET);
    }

    public String chatformaReceiver() {
        return receiver("chatforma", CHATFORMA_SECRET);
    }

    public HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public ChatFetches fetches() {
        return pipeline.runtime.context().getRegistry().lookupByNameAndType("chatloadChaportWebhookFetches", ChatFetches.class);
    }

    /** Requests the sandbox saw for this "METHOD pattern", e.g. "GET /chaport/api/v1/visitors". */
    public long requests(String key) {
        return sandbox.stats().getOrDefault(key, 0L);
    }

    private void copyRoutes(String source) throws IOException {
        Path to = Files.createDirectories(dir.resolve("routes").resolve(source));
        try (Stream<Path> files = Files.list(Path.of("routes", source))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file).replaceAll("schedule: 0 0/[0-9]+ \\* \\* \\* \\?", "schedule: 0 0 0 1 1 ? 2099");
                Files.writeString(to.resolve(file.getFileName()), text);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop();
        sandbox.close();
    }
}
