package io.chatload.vendor.chaport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.outbox.DrainResult;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.SentMessage;
import io.chatload.testing.OutboxTestBed;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaportOutboxTest {
    private static final String TABLE = "chaport_data.outbox_messages";

    @TempDir
    Path dir;
    private SandboxServer sandbox;
    private List<String> visitors;
    private String operator;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
        visitors = sandbox.data().chaportVisitors().stream().map(v -> (String) v.get("id")).toList();
        operator = (String) sandbox.data().chaportOperators().get(0).get("id");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void hundredPendingMessagesAreSentExactlyOnceEach() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            insertPending(bed, 100);

            List<DrainResult> results = bed.routes.drainOnce();

            assertEquals(new DrainResult("chaport.messages", 100, 0, 0, 0), results.get(0));
            assertSentExactlyOnce(bed, 100);
            assertEquals(0, sandbox.data().suppressedDuplicateMessages());
            for (Map<String, Object> row : bed.rows("SELECT * FROM " + TABLE)) {
                assertEquals("sent", row.get("status"), "row " + row.get("id"));
                assertEquals(1, row.get("attempts"), "row " + row.get("id"));
                assertNotNull(row.get("sent_at"), "row " + row.get("id"));
                assertNotNull(row.get("created_at"), "row " + row.get("id"));
                assertEquals(null, row.get("last_error"), "row " + row.get("id"));
            }
        }
    }

    @Test
    void rowsLeftSendingByAStoppedProcessAreSentAgainWithTheSameExternalIdAndSeenOnce() throws Exception {
        Map<Object, Object> externalIds;
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            insertPending(bed, 10);
            bed.routes.drainOnce();
            externalIds = externalIds(bed);
            // as if killed after the POST of rows 1-4 and before recording it, and after claiming rows 11-13
            bed.update("UPDATE " + TABLE + " SET status = 'sending', sent_at = NULL WHERE id <= 4");
            insertPending(bed, 3);
            bed.update("UPDATE " + TABLE + " SET status = 'sending', attempts = 1 WHERE id > 10");
        }
        assertEquals(10, sandbox.data().sentMessages().size());

        try (OutboxTestBed restarted = OutboxTestBed.start(dir, sandbox)) {
            Map<String, Object> recovered = restarted.row(TABLE, 1);
            assertEquals("pending", recovered.get("status"));
            assertTrue(recovered.get("last_error").toString().contains("same external id"), recovered.toString());

            DrainResult result = restarted.routes.drainOnce().get(0);

            assertEquals(new DrainResult("chaport.messages", 7, 0, 0, 0), result);
            assertSentExactlyOnce(restarted, 13);
            assertEquals(4, sandbox.data().suppressedDuplicateMessages(), "the four resent messages were dropped");
            Map<Object, Object> after = externalIds(restarted);
            externalIds.forEach((id, key) -> assertEquals(key, after.get(id), "external id of row " + id));
            assertEquals(2, restarted.row(TABLE, 1).get("attempts"));
        }
    }

    @Test
    void anUnknownVisitorFailsWithTheApisReasonAndIsNotRetried() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            bed.update("INSERT INTO " + TABLE + " (visitor_id, operator_id, text) VALUES ('no-such-visitor', ?, 'hi')",
                    operator);
            bed.update("INSERT INTO " + TABLE + " (visitor_id, operator_id, text) VALUES (?, ?, NULL)",
                    visitors.get(0), operator);

            assertEquals(new DrainResult("chaport.messages", 0, 2, 0, 0), bed.routes.drainOnce().get(0));
            assertEquals(new DrainResult("chaport.messages", 0, 0, 0, 0), bed.routes.drainOnce().get(0));

            Map<String, Object> unknownVisitor = bed.row(TABLE, 1);
            assertEquals("failed", unknownVisitor.get("status"));
            assertEquals("HTTP 404: Visitor not found", unknownVisitor.get("last_error"));
            assertEquals(1, unknownVisitor.get("attempts"));
            Map<String, Object> noText = bed.row(TABLE, 2);
            assertEquals("failed", noText.get("status"));
            assertEquals("invalid row: text is empty", noText.get("last_error"));
            assertEquals(0, sandbox.data().sentMessages().size());
        }
    }

    @Test
    void sendMessageEndpointInsertsSendsAndRepliesWithTheRow() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            Map<String, Object> body = new HashMap<>(Map.of("visitorId", visitors.get(0), "text", "Your order shipped",
                    "operatorId", operator));
            Map<?, ?> reply = bed.producer.requestBodyAndHeader(ChaportMessages.SEND, body, "X-Trace", "t-1",
                    Map.class);

            assertEquals("sent", reply.get("status"));
            assertEquals(1, reply.get("attempts"));
            String externalId = (String) reply.get("external_id");
            assertTrue(externalId.startsWith("chatload-" + reply.get("id") + "-"), externalId);
            SentMessage sent = sandbox.data().sentMessages().get(0);
            assertEquals(List.of(visitors.get(0), externalId, "Your order shipped"),
                    List.of(sent.visitorId(), sent.externalId(), text(sent)));
            assertEquals("sent", bed.row(TABLE, ((Number) reply.get("id")).longValue()).get("status"));

            body.put("externalId", "order-42");
            var exchange = bed.producer.request(ChaportMessages.SEND, e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeader("X-Trace", "t-2");
            });
            assertEquals("t-2", exchange.getMessage().getHeader("X-Trace"), "the caller's headers come back");
            assertEquals("sent", exchange.getMessage().getBody(Map.class).get("status"));
            bed.producer.requestBody(ChaportMessages.SEND, body, Map.class);
            assertEquals(2, sandbox.data().sentMessages().size(), "a repeated externalId is delivered once");
            assertEquals(1, sandbox.data().suppressedDuplicateMessages());

            CamelExecutionException bad = assertThrows(CamelExecutionException.class,
                    () -> bed.producer.requestBody(ChaportMessages.SEND, Map.of("visitorId", "x"), Map.class));
            assertEquals("direct:chaport-send-message: body field 'text' is required and must be a non-empty string",
                    bad.getCause().getMessage());
        }
    }

    @Test
    void theTableIsCreatedAtStartAndReadableUnquoted() throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(dir, sandbox)) {
            var columns = bed.destination.query("SELECT * FROM chaport_data.outbox_messages", 1).columns();
            assertEquals(List.of("id", "visitor_id", "operator_id", "text", "external_id", "status", "attempts",
                    "last_error", "created_at", "sent_at"), columns);
        }
    }

    private void insertPending(OutboxTestBed bed, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            bed.update("INSERT INTO " + TABLE + " (visitor_id, operator_id, text) VALUES (?, ?, ?)",
                    visitors.get(i % visitors.size()), operator, "message " + i + " " + System.nanoTime());
        }
    }

    /** Every row's message reached its visitor once: the sandbox delivered exactly the table's rows. */
    private void assertSentExactlyOnce(OutboxTestBed bed, int expected) throws Exception {
        List<SentMessage> sent = sandbox.data().sentMessages();
        assertEquals(expected, sent.size(), "messages delivered");
        Set<String> keys = sent.stream().map(SentMessage::externalId).collect(Collectors.toSet());
        assertEquals(expected, keys.size(), "distinct external ids");
        Map<String, SentMessage> byKey = sent.stream().collect(Collectors.toMap(SentMessage::externalId, m -> m));
        List<Map<String, Object>> rows = bed.rows("SELECT * FROM " + TABLE + " ORDER BY id");
        assertEquals(expected, rows.size());
        for (Map<String, Object> row : rows) {
            assertEquals("sent", row.get("status"), "row " + row.get("id"));
            SentMessage message = byKey.get((String) row.get("external_id"));
            assertNotNull(message, "row " + row.get("id") + " was not delivered");
            assertEquals(List.of(row.get("visitor_id"), row.get("text")), List.of(message.visitorId(), text(message)),
                    "row " + row.get("id"));
        }
    }

    private static Map<Object, Object> externalIds(OutboxTestBed bed) throws Exception {
        Map<Object, Object> ids = new LinkedHashMap<>();
        for (Map<String, Object> row : bed.rows("SELECT id, external_id FROM " + TABLE)) {
            ids.put(row.get("id"), row.get("external_id"));
        }
        return ids;
    }

    private static String text(SentMessage message) {
        return (String) ((Map<?, ?>) message.event().get("params")).get("text");
    }
}
