package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.chatload.engine.RunOutcome;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.StubApi;
import io.chatload.testing.TestPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel stops (SIGTERM on {@code run}, a host shutting down) while a run is in flight: the run makes no more requests
 * and ends with what it committed, its load marked failed with the reason, instead of going on until the shutdown
 * timeout cuts it (its fan-out pool gone) and its load being marked completed.
 */
class StopDuringRunTest {

    private static final int VISITORS = 30;

    @TempDir
    Path dir;

    private StubApi api;
    private volatile CamelContext camel;
    private final AtomicInteger details = new AtomicInteger();

    @BeforeEach
    void startApi() throws IOException {
        api = StubApi.serve("/api/v1/visitors", this::answer);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    /** The first visitor's detail is answered only once Camel has begun to stop. */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        if (path.endsWith("/visitors")) {
            body = StubApi.visitors(VISITORS);
        } else {
            if (details.incrementAndGet() == 1) {
                CompletableFuture.runAsync(() -> camel.stop());
                for (int i = 0; i < 1_000 && !(camel.isStopping() || camel.isStopped()); i++) {
                    sleep(); // waits for a state, not a guess at a duration
                }
            }
            String id = path.substring(path.lastIndexOf('/') + 1);
            body = "{\"result\":{\"id\":\"" + id + "\",\"name\":\"Visitor " + id.substring(1) + "\",\"email\":\"" + id
                    + "@example.com\"}}";
        }
        StubApi.json(exchange, 200, body);
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRunInFlightWhenCamelStopsEndsWithWhatItCommittedAndItsLoadFailed() throws Exception {
        try (SandboxServer unused = SandboxServer.start(SandboxConfig.defaults().withVisitors(1));
             TestPipeline p = TestPipeline.once(TestPipeline.config(unused, dir, StubApi.visitorsWithDetails(dir), Map.of(
                     "CHAPORT_BASE_URL", api.baseUrl(),
                     "CHATFORMA_API_KEY", "",
                     // one request in flight: none but the held one goes out before Camel begins to stop
                     "chatload.chaport.concurrency", "1")))) {
            camel = p.runtime.context();

            RunOutcome outcome = camel.createProducerTemplate()
                    .requestBody("direct:chatload-run", "chaport.visitors", RunOutcome.class);

            assertTrue(outcome.summary().failed(), String.join("\n", outcome.summary().lines()));
            assertTrue(String.join("\n", outcome.summary().lines()).contains("chatload is stopping"),
                    String.join("\n", outcome.summary().lines()));
            assertTrue(details.get() < VISITORS, "no request after the stop began: " + details.get() + " details asked");
            try (Connection c = p.destination.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "select status, error from chaport_data._chatload_loads")) {
                assertTrue(rs.next());
                assertEquals("FAILED", rs.getString(1), rs.getString(2));
            }
        }
    }
}
