package io.chatload.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chatload.engine.LoadSummary;
import io.chatload.load.QueryResult;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.Kind;
import io.chatload.testing.TestDatabases.TestDatabase;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host route {@code from("chatload:chaport.chats")} on the real runtime, loading Chaport from the sandbox into each
 * database: every chat once per load that wrote it, then only what the next load wrote, nothing again after a restart,
 * and a load whose processing failed emitted again.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class ChatRecordsTest {
    private static final String CONSUMER = "chats-to-crm";

    @Parameter
    Kind kind;

    @TempDir
    Path dir;

    /** One emitted record: its headers and its body. */
    record Received(String loadId, String primaryKey, Map<String, Object> row) {
        String chat() {
            return row.get("visitor_id") + "," + row.get("id");
        }
    }

    @Test
    void everyChatOnceThenOnlyWhatTheNextLoadWroteAndNothingAgainAfterARestart() throws Exception {
        try (TestDatabase db = database(); SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(8))) {
            List<Received> before = new CopyOnWriteArrayList<>();
            String first;
            String second;
            try (TestPipeline p = pipeline(sandbox, db)) {
                addConsumer(p, "chatload:chaport.chats?delay=20&initialDelay=0", before, r -> { });
                first = load(p);
                awaitEmitted(p, db, first);
                assertTrue(before.size() > 8, "the sandbox's visitors have chats: " + before.size());
                assertEquals(truthChats(sandbox.data()), chats(before), "every chat of the first load");
                assertEquals(before.size(), chats(before).size(), "each chat once: " + before);
                assertEquals(Set.of(first), loadIds(before));
                assertRowsEqualTable(p, db, first, before);
                assertEquals(before.stream().map(Received::chat).toList(),
                        before.stream().map(Received::primaryKey).toList(), "the key header: visitor_id,id");

                Set<String> known = truthChats(sandbox.data());
                sandbox.data().addChats(3, 17);
                Set<String> added = new TreeSet<>(truthChats(sandbox.data()));
                added.removeAll(known);
                assertEquals(3, added.size());
                int emittedBefore = before.size();
                second = load(p);
                awaitEmitted(p, db, second);
                List<Received> next = before.subList(emittedBefore, before.size());
                assertEquals(Set.of(second), loadIds(next), "only the second load's rows");
                assertTrue(chats(next).containsAll(added), "the new chats " + added + " in " + chats(next));
                assertRowsEqualTable(p, db, second, next);
                Map<String, Map<String, Object>> firstVersions = new HashMap<>();
                before.subList(0, emittedBefore).forEach(r -> firstVersions.put(r.chat(), withoutLoadId(r.row())));
                for (Received again : next) {
                    if (!added.contains(again.chat())) {
                        assertFalse(withoutLoadId(again.row()).equals(firstVersions.get(again.chat())),
                                "a chat emitted again has changed: " + again.chat());
                    }
                }
            }

            List<Received> restarted = new CopyOnWriteArrayList<>();
            try (TestPipeline p = pipeline(sandbox, db)) {
                addConsumer(p, "chatload:chaport.chats?delay=20&initialDelay=0", restarted, r -> { });
                Set<String> known = truthChats(sandbox.data());
                sandbox.data().addChats(2, 23);
                String third = load(p);
                awaitEmitted(p, db, third);
                assertEquals(Set.of(third), loadIds(restarted), "nothing the first node emitted comes again");
                Set<String> added = new TreeSet<>(truthChats(sandbox.data()));
                added.removeAll(known);
                assertTrue(chats(restarted).containsAll(added), added + " in " + chats(restarted));
                assertEquals(List.of(first, second, third), emittedLoads(p, db));
            }
        }
    }

    @Test
    void aLoadWhoseRecordFailedIsEmittedAgainFromItsFirstRecord() throws Exception {
        try (TestDatabase db = database(); SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(8));
             TestPipeline p = pipeline(sandbox, db)) {
            List<Received> received = new CopyOnWriteArrayList<>();
            AtomicBoolean failed = new AtomicBoolean();
            addConsumer(p, "chatload:chaport.chats?delay=20&initialDelay=0&pageSize=2", received, r -> {
                if (received.size() == 3 && failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("the CRM is down");
                }
            });
            String load = load(p);
            awaitEmitted(p, db, load);

            assertTrue(failed.get());
            Set<String> truth = truthChats(sandbox.data());
            List<Received> retry = received.subList(3, received.size());
            assertEquals(received.subList(0, 3), retry.subList(0, 3), "the load again from its first record");
            assertEquals(truth, chats(retry));
            assertEquals(truth.size(), retry.size(), "once each in the retry");
        }
    }

    @Test
    void aNewConsumerNotFromTheStartEmitsOnlyLaterLoads() throws Exception {
        try (TestDatabase db = database(); SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(8));
             TestPipeline p = pipeline(sandbox, db)) {
            String first = load(p);
            List<Received> received = new CopyOnWriteArrayList<>();
            addConsumer(p, "chatload:chaport_data.chats?delay=20&initialDelay=0&fromStart=false&consumerId=crm", received,
                    r -> { });
            Set<String> known = truthChats(sandbox.data());
            sandbox.data().addChats(2, 5);
            String second = load(p);
            awaitEmitted(p, db, "crm", second);

            assertEquals(Set.of(second), loadIds(received));
            Set<String> added = new TreeSet<>(truthChats(sandbox.data()));
            added.removeAll(known);
            assertTrue(chats(received).containsAll(added));
            assertEquals(1, Truth.count(p.destination.dataSource(), db.sql("SELECT COUNT(*) FROM chaport_data._chatload_consumers"
                    + " WHERE consumer_id = 'crm' AND load_id = '" + first + "' AND load_status = 'SKIPPED'")));
        }
    }

    private TestDatabase database() throws Exception {
        return kind == Kind.H2 ? TestDatabases.h2(dir.resolve("db")) : TestDatabases.create(kind, "records");
    }

    private TestPipeline pipeline(SandboxServer sandbox, TestDatabase db) throws Exception {
        Map<String, String> settings = new HashMap<>(db.env());
        settings.put("CHATFORMA_API_KEY", "");
        return TestPipeline.once(TestPipeline.config(sandbox, dir, Path.of("routes"), settings));
    }

    private interface Check {
        void accept(Received received) throws Exception;
    }

    private static void addConsumer(TestPipeline p, String uri, List<Received> received, Check check) throws Exception {
        p.runtime.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(CONSUMER).process(exchange -> {
                    Received r = received(exchange);
                    received.add(r);
                    check.accept(r);
                });
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Received received(Exchange exchange) {
        return new Received(exchange.getMessage().getHeader(RecordHeaders.LOAD_ID, String.class),
                exchange.getMessage().getHeader(RecordHeaders.PRIMARY_KEY, String.class),
                new LinkedHashMap<>(exchange.getMessage().getBody(Map.class)));
    }

    private static String load(TestPipeline p) throws Exception {
        LoadSummary summary = p.runOnce();
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        return summary.loadId();
    }

    private static void awaitEmitted(TestPipeline p, TestDatabase db, String loadId) throws Exception {
        awaitEmitted(p, db, CONSUMER, loadId);
    }

    /** Until the consumer has stored the load as emitted, which it does after the load's last record. */
    private static void awaitEmitted(TestPipeline p, TestDatabase db, String consumer, String loadId) throws Exception {
        String sql = db.sql("SELECT COUNT(*) FROM chaport_data._chatload_consumers WHERE consumer_id = '" + consumer
                + "' AND load_id = '" + loadId + "'");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Truth.countOnceThere(p.destination.dataSource(), sql) == 0) {
            if (System.nanoTime() > deadline) {
                fail(consumer + " did not emit load " + loadId + " within 60 s");
            }
            Thread.sleep(20);
        }
    }

    private static List<String> emittedLoads(TestPipeline p, TestDatabase db) throws Exception {
        List<String> loads = new ArrayList<>();
        for (Map<String, Object> row : Truth.query(p.destination.dataSource(), db.sql("SELECT load_id FROM"
                + " chaport_data._chatload_consumers WHERE consumer_id = '" + CONSUMER + "' AND load_id <> '' ORDER BY load_id"))) {
            loads.add((String) row.get("load_id"));
        }
        return loads;
    }

    /** The emitted bodies are the table's rows of that load, column for column. */
    private static void assertRowsEqualTable(TestPipeline p, TestDatabase db, String loadId, List<Received> received)
            throws Exception {
        QueryResult table = p.destination.query(db.sql("SELECT * FROM chaport_data.chats WHERE _dlt_load_id = '" + loadId
                + "' ORDER BY _dlt_id"), Integer.MAX_VALUE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(table.columns().get(i), PlainValues.plain(values.get(i)));
            }
            rows.add(row);
        }
        assertEquals(rows, received.stream().map(Received::row).toList());
        for (Received r : received) {
            assertTrue(String.valueOf(r.row().get("started_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                    "a timestamp as ISO-8601 text in UTC: " + r.row().get("started_at"));
        }
    }

    private static Map<String, Object> withoutLoadId(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.remove("_dlt_load_id");
        return copy;
    }

    private static Set<String> truthChats(SandboxData data) {
        Set<String> chats = new TreeSet<>();
        for (Map<String, Object> visitor : data.chaportVisitors()) {
            for (Map<String, Object> chat : data.chaportChats((String) visitor.get("id"))) {
                chats.add(visitor.get("id") + "," + chat.get("id"));
            }
        }
        return chats;
    }

    private static Set<String> chats(List<Received> received) {
        Set<String> chats = new TreeSet<>();
        received.forEach(r -> chats.add(r.chat()));
        return chats;
    }

    private static Set<String> loadIds(List<Received> received) {
        Set<String> ids = new HashSet<>();
        received.forEach(r -> ids.add(r.loadId()));
        return ids;
    }
}
