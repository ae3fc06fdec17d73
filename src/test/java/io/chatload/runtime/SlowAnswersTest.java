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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One answer of a paged list never comes (the server holds it until the test ends): the adaptive timeout cuts that
 * GET short long before the read timeout, the page is fetched again at once, and the run loads every record.
 */
class SlowAnswersTest {

    private static final int PAGES = 60;
    /** Well past the adaptive timeout's first answers ({@code AdaptiveTimeout.WARM_ANSWERS}). */
    private static final int STALLED_PAGE = 45;
    private static final int READ_TIMEOUT_MS = 60_000;

    @TempDir
    Path dir;

    private StubApi api;
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final Map<Integer, AtomicInteger> asked = new ConcurrentHashMap<>();

    @BeforeEach
    void startApi() throws IOException {
        api = StubApi.serve("/api/v1/visitors", this::answer); // a thread per answer: the held one holds up no other
    }

    @AfterEach
    void stopApi() {
        testOver.countDown();
        api.close();
    }

    /** Page N holds visitor vN; the first request for the stalled page is answered only when the test is over. */
    private void answer(HttpExchange exchange) throws IOException {
        int page = Integer.parseInt(exchange.getRequestURI().getQuery().replaceAll(".*page=(\\d+).*", "$1"));
        int times = asked.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
        if (page == STALLED_PAGE && times == 1) {
            try {
                testOver.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String next = page < PAGES ? ",\"links\":{\"next\":\"/visitors?page=" + (page + 1) + "\"}" : "";
        StubApi.json(exchange, 200, "{\"result\":[{\"id\":\"v" + page + "\",\"name\":\"Visitor " + page + "\"}]" + next + "}");
    }

    @Test
    void aGetWhoseAnswerNeverComesIsCutShortAndTriedAgain() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.copy(Path.of("routes/chaport/visitors.yaml"), chaport.resolve("visitors.yaml"));
        try (SandboxServer unused = SandboxServer.start(SandboxConfig.defaults().withVisitors(1));
             TestPipeline p = TestPipeline.once(TestPipeline.config(unused, dir, dir.resolve("routes"), Map.of(
                     "CHAPORT_BASE_URL", api.baseUrl(),
                     "CHATFORMA_API_KEY", "",
                     "chatload.http.read-timeout-ms", String.valueOf(READ_TIMEOUT_MS),
                     "chatload.chaport.adaptive-timeout-floor-ms", "200",
                     // a backoff as long as the read timeout: the cut's try must not wait it (the cut waited already)
                     "chatload.http.retry-initial-delay-ms", String.valueOf(READ_TIMEOUT_MS),
                     "chatload.http.retry-max-delay-ms", String.valueOf(READ_TIMEOUT_MS))))) {
            long started = System.nanoTime();
            LoadSummary summary = p.runOnce();
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertTrue(asked.get(STALLED_PAGE).get() >= 2, "the held page was asked again");
            assertTrue(elapsedMs < READ_TIMEOUT_MS / 2, "the run took " + elapsedMs + " ms: it waited for the held answer "
                    + "or a backoff after the cut");
            List<String> ids = new ArrayList<>();
            try (Connection c = p.destination.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select id from chaport_data.visitors order by id")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<String> expected = new ArrayList<>();
            for (int page = 1; page <= PAGES; page++) {
                expected.add("v" + page);
            }
            expected.sort(null);
            assertEquals(expected, ids);
        }
    }
}
