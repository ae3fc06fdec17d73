package io.chatload.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.testing.OutboxTestBed;
import io.chatload.vendor.chaport.ChaportMessages;
import io.chatload.vendor.chatforma.ChatformaDispatches;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retryable and final errors, and the credential kept out of last_error and the log, against a stub API. */
class FailureHandlingTest {
    private static final String TOKEN = "chaport-secret-0123456789";
    private static final String KEY = "chatforma-secret-9876543210";
    private static final String MESSAGES = "chaport_data.outbox_messages";
    private static final String DISPATCHES = "chatforma_data.outbox_dispatches";

    @TempDir
    Path dir;

    @Test
    void aChaportServerErrorIsRetriedByLaterDrainsUntilTheAttemptsRunOut() throws Exception {
        try (StubApi api = StubApi.answering(500); OutboxTestBed bed = chaportAt(api)) {
            bed.update("INSERT INTO " + MESSAGES + " (visitor_id, operator_id, text) VALUES ('v1', 'op1', 'hello')");

            String log = stderrOf(() -> {
                assertEquals(new DrainResult("chaport.messages", 0, 0, 1, 0), bed.drain(ChaportMessages.DRAIN));
                assertEquals("pending", bed.row(MESSAGES, 1).get("status"));
                assertEquals("HTTP 500: server trouble for Bearer *** (attempt 1 of 3, retried by the next drain)",
                        bed.row(MESSAGES, 1).get("last_error"));
                assertEquals(1, bed.drain(ChaportMessages.DRAIN).retried());
                return bed.drain(ChaportMessages.DRAIN);
            });

            Map<String, Object> row = bed.row(MESSAGES, 1);
            assertEquals("failed", row.get("status"));
            assertEquals(3, row.get("attempts"));
            assertEquals("HTTP 500: server trouble for Bearer *** (gave up after 3 attempts)", row.get("last_error"));
            assertEquals(3, api.requests().size());
            for (StubApi.Request request : api.requests()) {
                assertEquals("Bearer " + TOKEN, request.credential(), "the component's interceptor adds the token");
                Map<?, ?> body = new ObjectMapper().readValue(request.body(), Map.class);
                assertEquals(row.get("external_id"), ((Map<?, ?>) body.get("chatEvent")).get("externalId"));
            }
            assertTrue(log.contains("chaport.messages row 1 (POST /chaport/api/v1/messages): HTTP 500"), log);
            assertFalse(log.contains(TOKEN), "the token is in the log:\n" + log);
            assertEquals(0, bed.drain(ChaportMessages.DRAIN).retried(), "a failed row stays failed");
        }
    }

    @Test
    void aRefusedCredentialFailsTheRowAndNamesTheSetting() throws Exception {
        try (StubApi api = StubApi.answering(401); OutboxTestBed bed = chaportAt(api)) {
            bed.update("INSERT INTO " + MESSAGES + " (visitor_id, operator_id, text) VALUES ('v1', 'op1', 'hello')");

            String log = stderrOf(() -> bed.drain(ChaportMessages.DRAIN));

            assertEquals("failed", bed.row(MESSAGES, 1).get("status"));
            assertEquals("HTTP 401: server trouble for Bearer ***", bed.row(MESSAGES, 1).get("last_error"));
            assertTrue(log.contains("check chatload.chaport.token"), log);
            assertFalse(log.contains(TOKEN), log);
        }
    }

    @Test
    void aChatforma503SaysItWasNotProcessedSoItIsRetried() throws Exception {
        try (StubApi api = StubApi.answering(503); OutboxTestBed bed = chatformaAt(api.baseUrl("/chatforma/public/v1"))) {
            insertDispatch(bed);

            for (int attempt = 1; attempt <= 3; attempt++) {
                bed.drain(ChatformaDispatches.DRAIN);
            }

            Map<String, Object> row = bed.row(DISPATCHES, 1);
            assertEquals("failed", row.get("status"));
            assertEquals("HTTP 503: server trouble for *** (gave up after 3 attempts)", row.get("last_error"));
            assertEquals(3, row.get("attempts"));
            // HttpClient itself may repeat a 503 once within an attempt (its default retry strategy)
            assertTrue(api.requests().size() >= 3, api.requests().size() + " requests");
            assertEquals(KEY, api.requests().get(0).credential());
            assertEquals("/chatforma/public/v1/bots/7/segments/0/dispatch", api.requests().get(0).path());
        }
    }

    @Test
    void aChatforma500MayHaveDispatchedSoTheRowBecomesUnknownAndIsNotResent() throws Exception {
        try (StubApi api = StubApi.answering(500); OutboxTestBed bed = chatformaAt(api.baseUrl("/chatforma/public/v1"))) {
            insertDispatch(bed);

            String log = stderrOf(() -> bed.drain(ChatformaDispatches.DRAIN));
            api.answer(200);
            assertEquals(new DrainResult("chatforma.dispatch_broadcast", 0, 0, 0, 0),
                    bed.drain(ChatformaDispatches.DRAIN));

            Map<String, Object> row = bed.row(DISPATCHES, 1);
            assertEquals("unknown", row.get("status"));
            assertEquals("HTTP 500: server trouble for ***: the request may or may not have been acted on; check in "
                    + "Chatforma whether it went out, then set status to pending to resend or sent",
                    row.get("last_error"));
            assertEquals(1, api.requests().size());
            assertTrue(log.contains("marked unknown"), log);
            assertFalse(log.contains(KEY), log);
        }
    }

    @Test
    void aRefusedConnectionNeverReachedChatformaSoItIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OutboxTestBed bed = chatformaAt("http://127.0.0.1:" + closedPort + "/chatforma/public/v1")) {
            insertDispatch(bed);

            assertEquals(1, bed.drain(ChatformaDispatches.DRAIN).retried());

            Map<String, Object> row = bed.row(DISPATCHES, 1);
            assertEquals("pending", row.get("status"));
            String error = (String) row.get("last_error");
            assertTrue(error.contains("Connection refused"), error);
            assertTrue(error.endsWith("(attempt 1 of 3, retried by the next drain)"), error);
        }
    }

    @Test
    void aChatforma400IsFinal() throws Exception {
        try (StubApi api = StubApi.answering(400); OutboxTestBed bed = chatformaAt(api.baseUrl("/chatforma/public/v1"))) {
            insertDispatch(bed);

            assertEquals(1, bed.drain(ChatformaDispatches.DRAIN).failed());

            assertEquals("HTTP 400: server trouble for ***", bed.row(DISPATCHES, 1).get("last_error"));
        }
    }

    @Test
    void withoutTheSourcesHttpClientTheDrainStopsBeforeClaimingAnything() throws Exception {
        try (StubApi api = StubApi.answering(200); OutboxTestBed bed = chatformaAt(api.baseUrl("/chatforma/public/v1"))) {
            insertDispatch(bed);
            bed.camel.removeComponent("chatforma-http");

            OutboxException stopped = assertThrows(OutboxException.class, bed.routes::drainOnce);

            assertEquals("chatforma.dispatch_broadcast: the drain stopped: IllegalStateException: no HTTP client "
                    + "'chatforma-http' is registered in the Camel context: register it with ApiClients.register for "
                    + "source chatforma before the chatforma.dispatch_broadcast outbox sends; rows already sent or "
                    + "failed keep their status, the others wait for the next drain", stopped.getMessage());
            Map<String, Object> row = bed.row(DISPATCHES, 1);
            assertEquals(List.of("pending", 0), List.of(row.get("status"), row.get("attempts")));
        }
    }

    @Test
    void theTableRefusesAStatusTheOutboxDoesNotKnow() throws Exception {
        try (OutboxTestBed bed = chatformaAt("http://127.0.0.1:9/chatforma/public/v1")) {
            assertThrows(SQLException.class, () -> bed.update("INSERT INTO " + DISPATCHES
                    + " (bot_id, segment_id, content, status) VALUES (7, 0, 'x', 'Pending')"));
        }
    }

    private OutboxTestBed chaportAt(StubApi api) throws Exception {
        return OutboxTestBed.start(OutboxTestBed.dbUrl(dir), OutboxTestBed.SETTINGS,
                OutboxTestBed.chaport(api.baseUrl("/chaport/api/v1"), TOKEN));
    }

    private OutboxTestBed chatformaAt(String baseUrl) throws Exception {
        return OutboxTestBed.start(OutboxTestBed.dbUrl(dir), OutboxTestBed.SETTINGS,
                OutboxTestBed.chatforma(baseUrl, KEY));
    }

    private static void insertDispatch(OutboxTestBed bed) throws Exception {
        bed.update("INSERT INTO " + DISPATCHES + " (bot_id, segment_id, content) VALUES (7, 0, 'hello all')");
    }

    /** What the log (slf4j-simple writes to System.err) shows while {@code work} runs. */
    private static String stderrOf(Callable<?> work) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.call();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }
}
