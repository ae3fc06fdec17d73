package io.chatload.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.chatload.load.Destination;
import io.chatload.load.LoadBatch;
import io.chatload.load.LoadStatus;
import io.chatload.load.TableTarget;
import io.chatload.load.WriteDisposition;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.Kind;
import io.chatload.testing.TestDatabases.TestDatabase;
import io.chatload.testing.Truth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Loads that overlap, on each database: a load that finishes after a newer one is still emitted, a failed load's
 * committed rows come out, a running load's rows wait for its end, and a row a later load merged comes with that load.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class LoadOrderTest {
    private static final String SCHEMA = "shop_data";
    private static final TableTarget ORDERS = new TableTarget(SCHEMA, "orders", List.of("id"), WriteDisposition.MERGE);

    @Parameter
    Kind kind;

    @Test
    void loadsComeOutAsTheyFinishWhateverTheirIds() throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "records_order");
             Destination destination = Destination.connect(db.url(), db.user(), db.password());
             DefaultCamelContext context = new DefaultCamelContext()) {
            List<String> received = consume(context, destination, "chatload:shop_data.orders?delay=20&initialDelay=0");

            write(destination, "100.000001", 1, 2);                 // A starts first, still running
            write(destination, "100.000002", 3);                    // B starts after A
            destination.ledger().finished(SCHEMA, "100.000002", LoadStatus.COMPLETED, Map.of(), null);
            awaitEmitted(destination, db, "100.000002");
            assertEquals(List.of("3@100.000002 COMPLETED key 3"), received);

            destination.ledger().finished(SCHEMA, "100.000001", LoadStatus.FAILED, Map.of(), "HTTP 500");
            awaitEmitted(destination, db, "100.000001");
            assertEquals(List.of("1@100.000001 FAILED key 1", "2@100.000001 FAILED key 2"),
                    received.subList(1, received.size()).stream().sorted().toList(),
                    "a load finished after a newer one; its committed rows, although it failed (in _dlt_id order)");

            write(destination, "100.000003", 4);                    // D: running while C comes and goes
            write(destination, "100.000004", 1);                    // C rewrites order 1
            destination.ledger().finished(SCHEMA, "100.000004", LoadStatus.COMPLETED, Map.of(), null);
            awaitEmitted(destination, db, "100.000004");
            assertEquals(List.of("1@100.000004 COMPLETED key 1"), received.subList(3, received.size()),
                    "the merged row with the load that wrote it last; the running load's row waits");

            destination.ledger().finished(SCHEMA, "100.000003", LoadStatus.COMPLETED, Map.of(), null);
            awaitEmitted(destination, db, "100.000003");
            assertEquals(List.of("4@100.000003 COMPLETED key 4"), received.subList(4, received.size()));
        }
    }

    @Test
    void aLoadRunningLongerThanTheTimeoutIsEmittedAndAgainWhenItEnds() throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "records_abandoned");
             Destination destination = Destination.connect(db.url(), db.user(), db.password());
             DefaultCamelContext context = new DefaultCamelContext()) {
            List<String> received = consume(context, destination,
                    "chatload:shop_data.orders?delay=20&initialDelay=0&runningTimeout=1");
            // as a process killed mid-load leaves it (its row first: with a 1 ms timeout the load is old at once)
            LoadBatch batch = destination.batch("200.000001", 100);
            batch.add(ORDERS, Map.of("id", 5, "total", 50));
            batch.flush();
            destination.ledger().started(SCHEMA, "200.000001");
            awaitEmitted(destination, db, "200.000001", "ABANDONED");
            assertEquals(List.of("5@200.000001 ABANDONED key 5"), received);

            write(destination, "200.000001", 6);                  // it was only slow: more rows, then its end
            destination.ledger().finished(SCHEMA, "200.000001", LoadStatus.COMPLETED, Map.of(), null);
            awaitEmitted(destination, db, "200.000001", "COMPLETED");
            assertEquals(List.of("5@200.000001 COMPLETED key 5", "6@200.000001 COMPLETED key 6"),
                    received.subList(1, received.size()).stream().sorted().toList(), "the whole load again");
        }
    }

    @Test
    void loadsWaitWhileTheTableIsMissingSoAMisspeltNameFixedLaterLosesNothing() throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "records_missing");
             Destination destination = Destination.connect(db.url(), db.user(), db.password());
             DefaultCamelContext context = new DefaultCamelContext()) {
            ChatloadComponent chatload = new ChatloadComponent();
            chatload.setDestination(destination);
            context.addComponent("chatload", chatload);
            context.start();
            List<Object> received = new CopyOnWriteArrayList<>();
            RecordsEndpoint endpoint = context.getEndpoint("chatload:shop_data.refunds?consumerId=refunds"
                    + "&startScheduler=false", RecordsEndpoint.class);
            RecordsConsumer consumer = (RecordsConsumer) endpoint.createConsumer(
                    e -> received.add(e.getMessage().getBody(Map.class).get("id")));
            consumer.start();
            try {
                write(destination, "300.000001", 1);
                destination.ledger().finished(SCHEMA, "300.000001", LoadStatus.COMPLETED, Map.of(), null);
                assertEquals(0, consumer.poll());
                assertEquals(0, Truth.count(destination.dataSource(), db.sql("SELECT COUNT(*) FROM"
                        + " shop_data._chatload_consumers WHERE load_id <> ''")), "no load counted while refunds is missing");

                destination.ledger().started(SCHEMA, "300.000002");
                LoadBatch batch = destination.batch("300.000002", 100);
                batch.add(new TableTarget(SCHEMA, "refunds", List.of("id"), WriteDisposition.MERGE), Map.of("id", 9));
                batch.flush();
                destination.ledger().finished(SCHEMA, "300.000002", LoadStatus.COMPLETED, Map.of(), null);
                assertEquals(1, consumer.poll());
                assertEquals(List.of(9L), received.stream().map(id -> ((Number) id).longValue()).toList());
                assertEquals(2, Truth.count(destination.dataSource(), db.sql("SELECT COUNT(*) FROM"
                        + " shop_data._chatload_consumers WHERE load_id <> ''")), "both loads, once the table is there");
                assertEquals(0, consumer.poll(), "nothing twice");
            } finally {
                consumer.stop();
            }
        }
    }

    /** Starts a route on {@code uri} that collects "id@load status key" of each record. */
    private static List<String> consume(DefaultCamelContext context, Destination destination, String uri) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        ChatloadComponent chatload = new ChatloadComponent();
        chatload.setDestination(destination);
        context.addComponent("chatload", chatload);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("orders")
                        .process(e -> received.add(e.getMessage().getBody(Map.class).get("id") + "@"
                                + e.getMessage().getHeader(RecordHeaders.LOAD_ID) + " "
                                + e.getMessage().getHeader(RecordHeaders.LOAD_STATUS) + " key "
                                + e.getMessage().getHeader(RecordHeaders.PRIMARY_KEY)));
            }
        });
        context.start();
        return received;
    }

    /** A load that has started and committed orders with these ids; it is left running. */
    private static void write(Destination destination, String loadId, int... ids) throws Exception {
        destination.ledger().started(SCHEMA, loadId);
        LoadBatch batch = destination.batch(loadId, 100);
        for (int id : ids) {
            batch.add(ORDERS, Map.of("id", id, "total", id * 10));
        }
        batch.flush();
    }

    private static void awaitEmitted(Destination destination, TestDatabase db, String loadId) throws Exception {
        awaitEmitted(destination, db, loadId, null);
    }

    /** Until the consumer has stored the load as emitted (with that status, when one is given). */
    private static void awaitEmitted(Destination destination, TestDatabase db, String loadId, String status)
            throws Exception {
        String sql = db.sql("SELECT COUNT(*) FROM shop_data._chatload_consumers WHERE consumer_id = 'orders' AND load_id = '"
                + loadId + "'" + (status == null ? "" : " AND load_status = '" + status + "'"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Truth.countOnceThere(destination.dataSource(), sql) == 0) {
            if (System.nanoTime() > deadline) {
                fail("load " + loadId + " not emitted within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
