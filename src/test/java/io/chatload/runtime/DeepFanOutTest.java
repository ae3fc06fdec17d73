package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.StubApi;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records below a root's fan out too: one visitor's chats each have events a level further down, and those requests
 * go at once (within the source's request slots), not one after another in the worker that took the visitor, where
 * each slow answer or retry's wait would add to the whole crawl.
 */
class DeepFanOutTest {

    private static final int CHATS = 4;
    /** How long an events answer waits for another events request to arrive, at most. */
    private static final long HOLD_MS = 3_000;

    @TempDir
    Path dir;

    private StubApi api;
    private final AtomicInteger eventsInFlight = new AtomicInteger();
    private final AtomicInteger mostEventsInFlight = new AtomicInteger();

    @BeforeEach
    void startApi() throws IOException {
        api = StubApi.serve("/api/v1/visitors", this::answer);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    /** An events answer is held until a second events request is in flight (or {@link #HOLD_MS} passed). */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/visitors")) {
            StubApi.json(exchange, 200, "{\"result\":[{\"id\":\"v1\",\"name\":\"Visitor 1\"}]}");
        } else if (path.endsWith("/chats")) {
            StubApi.json(exchange, 200, "{\"result\":[" + IntStream.rangeClosed(1, CHATS)
                    .mapToObj(i -> "{\"id\":\"c" + i + "\",\"stage\":\"closed\"}").collect(Collectors.joining(",")) + "]}");
        } else {
            String chat = path.split("/")[path.split("/").length - 2];
            mostEventsInFlight.accumulateAndGet(eventsInFlight.incrementAndGet(), Math::max);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_MS);
            try {
                while (mostEventsInFlight.get() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            eventsInFlight.decrementAndGet();
            StubApi.json(exchange, 200, "{\"result\":[{\"id\":\"e-" + chat + "\",\"text\":\"hello\"}]}");
        }
    }

    /** Chaport's shipped defaults, a one-page visitors list, each visitor's chats and each chat's events. */
    private Path routes() throws IOException {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.writeString(chaport.resolve("visitors.yaml"), """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.visitors
                    parameters:
                      - {name: path, value: /visitors}
                """);
        Files.writeString(chaport.resolve("chats.yaml"), """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.chats
                    parameters:
                      - {name: parent, value: visitors}
                      - {name: path, value: "/visitors/{parent.id}/chats"}
                      - {name: parentFields, value: visitor_id=id}
                      - {name: primaryKey, value: "visitor_id,id"}
                """);
        Files.writeString(chaport.resolve("events.yaml"), """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.chat_events
                    parameters:
                      - {name: parent, value: chats}
                      - {name: path, value: "/visitors/{parent.visitor_id}/chats/{parent.id}/events"}
                      - {name: parentFields, value: "visitor_id=visitor_id,chat_id=id"}
                      - {name: primaryKey, value: "visitor_id,chat_id,id"}
                """);
        return dir.resolve("routes");
    }

    @Test
    void aVisitorsChatsLoadTheirEventsAtOnce() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(1));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, routes(), Map.of(
                     "CHAPORT_BASE_URL", api.baseUrl(),
                     "CHATFORMA_API_KEY", "",
                     "chatload.chaport.concurrency", "4",
                     // a held answer is the test's, not a slow API's: one cut short and sent again would be in flight twice
                     "chatload.http.adaptive-timeout", "false")))) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertEquals(CHATS, Truth.count(p.destination.dataSource(), "select count(*) from chaport_data.chat_events"),
                    "every chat's events loaded");
            assertTrue(mostEventsInFlight.get() >= 2, "events requests in flight at once: " + mostEventsInFlight.get());
        }
    }
}
