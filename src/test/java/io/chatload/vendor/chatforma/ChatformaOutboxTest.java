package io.chatload.vendor.chatforma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chatload.outbox.DrainResult;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.OutboxTestBed;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatformaOutboxTest {
    private static final String TABLE = "chatforma_data.outbox_dispatches";
    private static final String UNKNOWN_NOTE = "the process stopped during the dispatch; check in Chatforma whether it "
            + "went out, then set status to pending to resend or sent";

    @TempDir
    Path dir;
    private SandboxServer sandbox;
    private int bot;
    private int segment;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
        bot = (Integer) sandbox.data().chatformaBots().get(0).get("id");
        segment = Integer.parseInt((String) sandbox.data().chatformaSegments(bot).get(0).get("id"));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void pendingDispatchesGoOutOnceWithTheirResponseIds() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            for (int i = 0; i < 20; i++) {
                bed.update("INSERT INTO " + TABLE + " (bot_id, segment_id, content) VALUES (?, ?, ?)", bot,
                        i % 2 == 0 ? 0 : segment, "sale " + i);
            }

            assertEquals(new DrainResult("chatforma.dispatch_broadcast", 20, 0, 0, 0),
                    bed.drain(ChatformaDispatches.DRAIN));

            Map<Object, Map<String, Object>> dispatches = sandbox.data().dispatches().stream()
                    .collect(Collectors.toMap(d -> d.get("id").toString(), d -> d));
            assertEquals(20, dispatches.size());
            for (Map<String, Object> row : bed.rows("SELECT * FROM " + TABLE)) {
                assertEquals("sent", row.get("status"), "row " + row.get("id"));
                Map<String, Object> dispatch = dispatches.get(row.get("response_id"));
                assertNotNull(dispatch, "row " + row.get("id") + " has no dispatch " + row.get("response_id"));
                assertEquals(row.get("content"), OutboxTestBed.content(dispatch), "row " + row.get("id"));
                assertEquals(((Number) row.get("segment_id")).intValue(),
                        ((Map<?, ?>) dispatch.get("destination")).get("listId"), "row " + row.get("id"));
            }
        }
    }

    @Test
    void rowsLeftSendingByAStoppedProcessBecomeUnknownAndAreNotDispatchedAgain() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            for (int i = 0; i < 5; i++) {
                bed.update("INSERT INTO " + TABLE + " (bot_id, segment_id, content) VALUES (?, 0, ?)", bot, "news " + i);
            }
            // as if the process was killed while rows 2 and 4 were being dispatched
            bed.update("UPDATE " + TABLE + " SET status = 'sending', attempts = 1 WHERE id IN (2, 4)");
        }
        try (OutboxTestBed restarted = OutboxTestBed.start(dir, sandbox)) {
            assertEquals(new DrainResult("chatforma.dispatch_broadcast", 3, 0, 0, 0),
                    restarted.drain(ChatformaDispatches.DRAIN));

            for (long id : List.of(2L, 4L)) {
                Map<String, Object> row = restarted.row(TABLE, id);
                assertEquals("unknown", row.get("status"));
                assertEquals(UNKNOWN_NOTE, row.get("last_error"));
                assertEquals(1, row.get("attempts"));
            }
            assertEquals(List.of("news 0", "news 2", "news 4"),
                    sandbox.data().dispatches().stream().map(OutboxTestBed::content).sorted().toList());

            // a person checked: row 2 did not go out
            restarted.update("UPDATE " + TABLE + " SET status = 'pending' WHERE id = 2");
            assertEquals(1, restarted.drain(ChatformaDispatches.DRAIN).sent());
            assertEquals(4, sandbox.data().dispatches().size());
        }
    }

    @Test
    void anUnknownBotFailsWithTheApisReason() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            bed.update("INSERT INTO " + TABLE + " (bot_id, segment_id, content) VALUES (999999, 0, 'hello')");

            assertEquals(1, bed.drain(ChatformaDispatches.DRAIN).failed());

            Map<String, Object> row = bed.row(TABLE, 1);
            assertEquals("failed", row.get("status"));
            assertEquals("HTTP 404: Not found", row.get("last_error"));
            assertEquals(0, sandbox.data().dispatches().size());
        }
    }

    @Test
    void aRowIsHeldUntilItsRunAt() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            bed.update("INSERT INTO " + TABLE + " (bot_id, segment_id, content, run_at) VALUES (?, 0, 'later', ?)", bot,
                    now.plusDays(1));
            bed.update("INSERT INTO " + TABLE + " (bot_id, segment_id, content, run_at) VALUES (?, 0, 'due', ?)", bot,
                    now.minusMinutes(1));

            assertEquals(1, bed.drain(ChatformaDispatches.DRAIN).sent());

            assertEquals(List.of("due"), sandbox.data().dispatches().stream().map(OutboxTestBed::content).toList());
            assertEquals("pending", bed.row(TABLE, 1).get("status"));
            assertEquals(0, bed.row(TABLE, 1).get("attempts"));
        }
    }

    @Test
    void dispatchEndpointSendsAtOnceOrHoldsForLater() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            Map<?, ?> sent = bed.producer.requestBody(ChatformaDispatches.SEND,
                    Map.of("botId", bot, "segmentId", segment, "content", "Spring sale"), Map.class);

            assertEquals("sent", sent.get("status"));
            Map<String, Object> dispatch = sandbox.data().dispatches().get(0);
            assertEquals(dispatch.get("id").toString(), sent.get("response_id"));
            assertEquals("Spring sale", OutboxTestBed.content(dispatch));

            Map<?, ?> later = bed.producer.requestBody(ChatformaDispatches.SEND,
                    Map.of("botId", String.valueOf(bot), "segmentId", 0, "content", "Tomorrow",
                            "runAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()), Map.class);
            assertEquals("pending", later.get("status"));
            assertNull(later.get("response_id"));
            assertEquals(1, sandbox.data().dispatches().size());

            CamelExecutionException bad = assertThrows(CamelExecutionException.class, () -> bed.producer.requestBody(
                    ChatformaDispatches.SEND, Map.of("botId", bot, "content", "to whom?"), Map.class));
            assertEquals("direct:chatforma-dispatch: body field 'segmentId' is required and must be an integer",
                    bad.getCause().getMessage());
        }
    }

    @Test
    void theTableIsCreatedAtStartAndReadableUnquoted() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            var columns = bed.destination.query("SELECT * FROM chatforma_data.outbox_dispatches", 1).columns();
            assertEquals(List.of("id", "bot_id", "segment_id", "content", "run_at", "status", "attempts", "last_error",
                    "created_at", "sent_at", "response_id"), columns);
        }
    }

}
