package io.chatload.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.OutboxTestBed;
import io.chatload.vendor.chatforma.ChatformaDispatches;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledAndConcurrentDrainTest {
    private static final String DISPATCHES = "chatforma_data.outbox_dispatches";
    private static final String MESSAGES = "chaport_data.outbox_messages";

    @TempDir
    Path dir;

    @Test
    void theQuartzTriggersDrainBothOutboxes() throws Exception {
        OutboxSettings everyFewMs = new OutboxSettings(Duration.ofMillis(200), 10, 2, 3);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
             OutboxTestBed bed = OutboxTestBed.start(OutboxTestBed.dbUrl(dir), everyFewMs, true,
                     OutboxTestBed.chaport(sandbox.chaportBaseUrl(), sandbox.config().chaportToken()),
                     OutboxTestBed.chatforma(sandbox.chatformaBaseUrl(), sandbox.config().chatformaKey()))) {
            assertNotNull(bed.camel.getRoute("chaport.messages"));
            assertNotNull(bed.camel.getRoute("chatforma.dispatch_broadcast"));
            String visitor = (String) sandbox.data().chaportVisitors().get(0).get("id");
            String operator = (String) sandbox.data().chaportOperators().get(0).get("id");
            int bot = (Integer) sandbox.data().chatformaBots().get(0).get("id");
            for (int i = 0; i < 15; i++) {
                bed.update("INSERT INTO " + MESSAGES + " (visitor_id, operator_id, text) VALUES (?, ?, ?)", visitor,
                        operator, "scheduled " + i);
                bed.update("INSERT INTO " + DISPATCHES + " (bot_id, segment_id, content) VALUES (?, 0, ?)", bot,
                        "scheduled " + i);
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count(bed, MESSAGES) + count(bed, DISPATCHES) < 30) {
                if (System.nanoTime() > deadline) {
                    fail("the triggers did not send everything within 30 s: " + bed.rows(
                            "SELECT status, COUNT(*) AS n FROM " + MESSAGES + " GROUP BY status"));
                }
                Thread.sleep(20);
            }
            assertEquals(15, sandbox.data().sentMessages().size());
            assertEquals(15, sandbox.data().dispatches().size());
        }
    }

    @Test
    void drainsRunningAtTheSameTimeNeverTakeTheSameRow() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withLatencyMs(5));
             OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            int bot = (Integer) sandbox.data().chatformaBots().get(0).get("id");
            for (int i = 0; i < 60; i++) {
                bed.update("INSERT INTO " + DISPATCHES + " (bot_id, segment_id, content) VALUES (?, 0, ?)", bot,
                        "together " + i);
            }

            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<DrainResult>> drains = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                drains.add(threads.submit(() -> bed.drain(ChatformaDispatches.DRAIN)));
            }
            int sent = 0;
            for (Future<DrainResult> drain : drains) {
                sent += drain.get().sent();
            }
            threads.shutdown();

            assertEquals(60, sent, "the three drains together sent every row once");
            Map<String, Long> perContent = sandbox.data().dispatches().stream()
                    .collect(Collectors.groupingBy(OutboxTestBed::content, Collectors.counting()));
            assertEquals(60, perContent.size());
            perContent.forEach((content, times) ->
                    assertEquals(1L, times, "'" + content + "' dispatched " + times + " times"));
        }
    }

    private static long count(OutboxTestBed bed, String table) throws Exception {
        return ((Number) bed.rows("SELECT COUNT(*) AS n FROM " + table + " WHERE status = 'sent'").get(0).get("n"))
                .longValue();
    }
}
