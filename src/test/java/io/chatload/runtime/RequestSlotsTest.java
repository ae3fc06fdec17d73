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
 * request slot: the other parents' child requests go on meanwhile (with one worker per slot they waited the backoff),
 * and so do they while several workers wait.
 */
class RequestSlotsTest {

    private static final int VISITORS = 12;
    private static final int CONCURRENCY = 1;

    @TempDir
    Path dir;

    private StubApi api;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    /** The detail requests, in the order they arrived, each with its answer's status. */
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    /** How many visitors' first detail request, in the order they arrive, is answered 429 with Retry-After: 1. */
    private int throttledVisitors = 1;

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
            body = StubApi.visitors(VISITORS);
        } else {
            String id = path.substring(path.lastIndexOf('/') + 1);
            boolean first = arrivals.stream().noneMatch(a -> a.startsWith(id + " "));
            status = first && arrivals.stream().filter(a -> a.endsWith(" 429")).count() < throttledVisitors ? 429 : 200;
            arrivals.add(id + " " + status);
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            body = status == 429 ? "{\"error\":\"busy\"}" : "{\"result\":{\"id\":\"" + id + "\",\"name\":\"Visitor "
                    + id.substring(1) + "\",\"email\":\"" + id + "@example.com\"}}";
        }
        inFlight.decrementAndGet();
        StubApi.json(exchange, status, body);
    }

    private LoadSummary runOnce(TestPipeline p) throws Exception {
        LoadSummary summary = p.runOnce();
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        try (Connection c = p.destination.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from chaport_data.visitors where email is not null")) {
            rs.next();
            assertEquals(VISITORS, rs.getInt(1), "every visitor's detail loaded");
        }
        return summary;
    }

    private TestPipeline pipeline(SandboxServer sandbox) throws Exception {
        return TestPipeline.once(TestPipeline.config(sandbox, dir, StubApi.visitorsWithDetails(dir), Map.of(
                "CHAPORT_BASE_URL", api.baseUrl(),
                "CHATFORMA_API_KEY", "",
                "chatload.chaport.concurrency", String.valueOf(CONCURRENCY))));
    }

    @Test
    void aRetryWaitsWithoutHoldingASlotAndTheSlotsBoundTheRequestsInFlight() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(1));
             TestPipeline p = pipeline(sandbox)) {
            runOnce(p);

            assertEquals(CONCURRENCY, mostInFlight.get(), "requests in flight at once");
            int failed = IntStream.range(0, arrivals.size()).filter(i -> arrivals.get(i).endsWith(" 429")).findFirst()
                    .orElseThrow();
            String visitor = arrivals.get(failed).split(" ")[0];
            int retried = arrivals.indexOf(visitor + " 200");
            assertTrue(retried > failed + 1, "other visitors' requests went while " + visitor + " waited its "
                    + "Retry-After: " + arrivals);
        }
    }

    @Test
    void otherParentsLoadWhileSeveralWorkersWaitBeforeARetry() throws Exception {
        throttledVisitors = 4; // as many as a slot had workers before: then no worker was left for the others
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(1));
             TestPipeline p = pipeline(sandbox)) {
            runOnce(p);

            int firstRetry = IntStream.range(0, arrivals.size())
                    .filter(i -> arrivals.subList(0, i).contains(arrivals.get(i).split(" ")[0] + " 429"))
                    .findFirst().orElseThrow();
            assertTrue(firstRetry > throttledVisitors, "while " + throttledVisitors + " visitors waited out their "
                    + "Retry-After, the others' requests went: " + arrivals);
        }
    }
}
