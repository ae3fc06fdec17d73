package io.chatload.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chatload.load.Destination;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.SentMessage;
import io.chatload.testing.OutboxTestBed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM drains both outboxes slowly (sandbox latency) and is killed with SIGKILL half-way; a restarted process
 * drains again. The sandbox, in this JVM, counts what really went out (the database is the child's until it dies,
 * so progress is watched there). What is asserted:
 * <ul>
 *   <li>The kill landed in the crash window: some rows were left in {@code sending}, at most the parallelism per
 *   outbox.</li>
 *   <li>Chaport: every message reached its visitor exactly once, and every row is sent.</li>
 *   <li>Chatforma: no row was dispatched twice; every row is either sent, with exactly its one dispatch, or
 *   unknown (it was in the crash window and is never resent by chatload); unknown rows number at most the
 *   parallelism.</li>
 * </ul>
 */
class KillAndRestartTest {
    private static final int ROWS = 200;
    private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(60);
    private static final String MESSAGES = "chaport_data.outbox_messages";
    private static final String DISPATCHES = "chatforma_data.outbox_dispatches";

    @TempDir
    Path dir;

    @Test
    void aKilledDrainIsFinishedAfterARestartWithoutSendingAnythingTwice() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withLatencyMs(20))) {
            fillOutboxes(sandbox);

            Process child = startChild(sandbox);
            try {
                // kill once a quarter of each outbox went out, long before either is done
                awaitProgress(child, () -> sandbox.data().sentMessages().size() >= ROWS / 4
                        && sandbox.data().dispatches().size() >= ROWS / 4);
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            } finally {
                child.destroyForcibly();
            }
            assertTrue(sandbox.data().sentMessages().size() < ROWS && sandbox.data().dispatches().size() < ROWS,
                    "the child finished before it was killed: the test proves nothing; raise ROWS or the latency");

            int inCrashWindow = rowsSending(MESSAGES) + rowsSending(DISPATCHES);
            assertTrue(inCrashWindow > 0,
                    "the kill landed while no row was being sent: the test proves less than it says");

            try (OutboxTestBed restarted = OutboxTestBed.start(dir, sandbox)) {
                restarted.routes.drainOnce();

                assertEveryMessageSentOnce(restarted, sandbox);
                assertNoDispatchTwice(restarted, sandbox);
            }
        }
    }

    /** Rows the killed process left claimed, read with a bare connection (no outbox routes, so no recovery). */
    private int rowsSending(String table) throws Exception {
        try (Destination db = Destination.connect(OutboxTestBed.dbUrl(dir), "", "")) {
            var result = db.query("SELECT COUNT(*) FROM " + table + " WHERE status = 'sending'", 1);
            int sending = ((Number) result.rows().get(0).get(0)).intValue();
            assertTrue(sending <= OutboxTestBed.SETTINGS.parallelism(), sending + " rows of " + table + " in the crash "
                    + "window, more than the " + OutboxTestBed.SETTINGS.parallelism() + " that can be in flight");
            return sending;
        }
    }

    private void fillOutboxes(SandboxServer sandbox) throws Exception {
        List<String> visitors = sandbox.data().chaportVisitors().stream().map(v -> (String) v.get("id")).toList();
        String operator = (String) sandbox.data().chaportOperators().get(0).get("id");
        int bot = (Integer) sandbox.data().chatformaBots().get(0).get("id");
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            for (int i = 0; i < ROWS; i++) {
                bed.update("INSERT INTO " + MESSAGES + " (visitor_id, operator_id, text) VALUES (?, ?, ?)",
                        visitors.get(i % visitors.size()), operator, "message " + i);
                bed.update("INSERT INTO " + DISPATCHES + " (bot_id, segment_id, content) VALUES (?, 0, ?)", bot,
                        "dispatch " + i);
            }
        }
    }

    private Process startChild(SandboxServer sandbox) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutboxKillChild.class.getName(),
                OutboxTestBed.dbUrl(dir), sandbox.chaportBaseUrl(), sandbox.chatformaBaseUrl());
        builder.environment().put("CHAPORT_TOKEN", sandbox.config().chaportToken());
        builder.environment().put("CHATFORMA_API_KEY", sandbox.config().chatformaKey());
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        return builder.start();
    }

    private void awaitProgress(Process child, BooleanSupplier progress) throws Exception {
        long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
        while (!progress.getAsBoolean()) {
            if (!child.isAlive()) {
                fail("the child exited (" + child.exitValue() + ") before the kill:\n" + childLog());
            }
            if (System.nanoTime() > deadline) {
                fail("no progress within " + PROGRESS_TIMEOUT + ":\n" + childLog());
            }
            Thread.sleep(10);
        }
    }

    private String childLog() throws Exception {
        return Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
    }

    private static void assertEveryMessageSentOnce(OutboxTestBed bed, SandboxServer sandbox) throws Exception {
        List<SentMessage> delivered = sandbox.data().sentMessages();
        Map<String, SentMessage> byKey = delivered.stream()
                .collect(Collectors.toMap(SentMessage::externalId, Function.identity()));
        assertEquals(ROWS, byKey.size(), "distinct external ids delivered");
        assertEquals(ROWS, delivered.size(), "messages delivered");
        for (Map<String, Object> row : bed.rows("SELECT * FROM " + MESSAGES + " ORDER BY id")) {
            assertEquals("sent", row.get("status"), "message row " + row);
            SentMessage message = byKey.get((String) row.get("external_id"));
            assertNotNull(message, "message row " + row.get("id") + " never reached its visitor");
            assertEquals(row.get("visitor_id"), message.visitorId(), "message row " + row.get("id"));
            assertEquals(row.get("text"), ((Map<?, ?>) message.event().get("params")).get("text"),
                    "message row " + row.get("id"));
        }
    }

    private static void assertNoDispatchTwice(OutboxTestBed bed, SandboxServer sandbox) throws Exception {
        Map<String, List<Map<String, Object>>> byContent = sandbox.data().dispatches().stream()
                .collect(Collectors.groupingBy(OutboxTestBed::content));
        byContent.forEach((content, dispatches) ->
                assertEquals(1, dispatches.size(), "'" + content + "' was dispatched " + dispatches.size() + " times"));
        int unknown = 0;
        for (Map<String, Object> row : bed.rows("SELECT * FROM " + DISPATCHES + " ORDER BY id")) {
            List<Map<String, Object>> dispatched = byContent.getOrDefault((String) row.get("content"), List.of());
            if ("unknown".equals(row.get("status"))) {
                unknown++;
                continue;
            }
            assertEquals("sent", row.get("status"), "dispatch row " + row);
            assertEquals(1, dispatched.size(), "dispatch row " + row.get("id") + " is sent but did not go out");
            assertEquals(dispatched.get(0).get("id").toString(), row.get("response_id"), "dispatch row " + row.get("id"));
        }
        assertTrue(unknown <= OutboxTestBed.SETTINGS.parallelism(), unknown + " rows unknown, more than the "
                + OutboxTestBed.SETTINGS.parallelism() + " that can be in flight");
    }
}
