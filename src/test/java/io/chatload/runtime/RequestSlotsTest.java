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
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's requests in flight never exceed its concurrency, and a worker waiting out a retry's backoff holds no
 * request slot: the other parents' child requests go on meanwhile (with one worker per slot they waited the backoff).
 */
class RequestSlotsTest {

    private static final int VISITORS = 12;
    private static final int CONCURRENCY = 1;
    private static final int BACKOFF_MS = 1_500;

    @TempDir
    Path dir;

    private StubApi api;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    /** The detail requests, in the order they arrived, a 503 marked. */
    private final List<String> arrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApi() throws IOException {
        api = StubApi.serve("/api/v1/visitors", this::answer);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    /**
     * Each answer takes 20 ms, as an API's would, so that requests sent at once overlap here. A request counts as in
     * flight until its answer is ready, not until its handler ends: chatload's next one may arrive before that.
     */
    private void answer(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String path = exchange.getRequestURI().getPath();
        String body;
        int status = 200;
        if (path.endsWith("/visitors")) {
            body = "{\"result\":[" + String.join(",", IntStream.rangeClosed(1, VISITORS)
                    .mapToObj(i -> "{\"id\":\"v" + i + "\",\"name\":\"Visitor " + i + "\"}").toList()) + "]}";
        } else {
            String id = path.substring(path.lastIndexOf('/') + 1);
            boolean first = arrivals.stream().noneMatch(a -> a.startsWith(id + " "));
            status = id.equals("v1") && first ? 503 : 200;
            arrivals.add(id + " " + status);
            body = status == 503 ? "{\"error\":\"busy\"}" : "{\"result\":{\"id\":\"" + id + "\",\"name\":\"Visitor "
                    + id.substring(1) + "\",\"email\":\"" + id + "@example.com\"}}";
        }
        inFlight.decrementAndGet();
        StubApi.json(exchange, status, body);
    }

    @Test
    void aRetryWaitsWithoutHoldingASlotAndTheSlotsBoundTheRequestsInFlight() throws Exception {
        try (SandboxServer unused = SandboxServer.start(SandboxConfig.defaults().withVisitors(1));
             TestPipeline p = TestPipeline.once(TestPipeline.config(unused, dir, StubApi.visitorsWithDetails(dir), Map.of(
                     "CHAPORT_BASE_URL", api.baseUrl(),
                     "CHATFORMA_API_KEY", "",
                     "chatload.chaport.concurrency", String.valueOf(CONCURRENCY),
                     "chatload.http.retry-initial-delay-ms", String.valueOf(BACKOFF_MS),
                     "chatload.http.retry-max-delay-ms", String.valueOf(BACKOFF_MS))))) {
            LoadSummary summary = p.runOnce();

            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertEquals(CONCURRENCY, mostInFlight.get(), "requests in flight at once");
            int failed = arrivals.indexOf("v1 503");
            int retried = arrivals.indexOf("v1 200");
            assertTrue(failed >= 0 && retried > failed + 1, "other visitors' requests went while v1 waited its backoff: "
                    + arrivals);
            try (Connection c = p.destination.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "select count(*) from chaport_data.visitors where email is not null")) {
                rs.next();
                assertEquals(VISITORS, rs.getInt(1), "every visitor's detail loaded");
            }
        }
    }
}
