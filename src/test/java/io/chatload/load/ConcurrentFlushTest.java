package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.load.naming.Naming;
import io.chatload.load.naming.NamingConvention;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several fan-out workers share one batch: while one of them writes a flush, the others go on adding, and flushes
 * commit one at a time in the order they took their buffers. The batch's connections pass a gate that holds (or
 * refuses) a chosen flush's transaction, so each step is reached by latches, not by timing.
 */
class ConcurrentFlushTest {
    private static final String SCHEMA = "chaport_data";
    private static final TableTarget VISITORS = new TableTarget(SCHEMA, "visitors", List.of("id"), WriteDisposition.MERGE);
    /** Only a guard against a deadlock: every step is reached by latches, none by waiting. */
    private static final Duration DEADLOCK_GUARD = Duration.ofSeconds(60);

    private final Gate gate = new Gate();
    private String url;
    private Connection reader;
    private LoadBatch batch;
    /** A second batch of the same destination: another resource's writes. */
    private LoadBatch other;
    private final List<CompletableFuture<Void>> workers = new ArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:h2:mem:concurrent-flush-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        Database db = new Database(gate.wrap(h2), new H2Dialect());
        Map<Naming, NamingConvention> conventions = Naming.conventions(db.dialect().maxIdentifierLength());
        NamingConvention naming = conventions.get(Naming.SNAKE_CASE);
        SchemaRegistry registry = Destination.registry(db, naming);
        StateStore state = new StateStore(db, registry, naming, Clock.systemUTC());
        SchemaVersions versions = new SchemaVersions(db, Clock.systemUTC());
        batch = new LoadBatch(db, registry, state, versions, conventions, "1", 2);
        other = new LoadBatch(db, registry, state, versions, conventions, "2", 1);
        reader = DriverManager.getConnection(url);
        // a first flush makes the schema and the tables, so the next flushes touch the database only in their transaction
        batch.add(VISITORS, visitor("v0"));
        batch.addState(SCHEMA, cursor("v0"));
        batch.add(VISITORS, visitor("v1"));
        assertEquals(List.of("v0", "v1"), visitors());
    }

    @AfterEach
    void close() throws Exception {
        gate.releaseAll();
        for (CompletableFuture<Void> worker : workers) {
            worker.exceptionally(e -> null).get(DEADLOCK_GUARD.toSeconds(), TimeUnit.SECONDS);
        }
        try (Statement statement = reader.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        reader.close();
    }

    @Test
    void workersAddWhileAFlushIsWrittenAndFlushesCommitInOrder() throws Exception {
        Gate.Hold first = gate.hold();
        CompletableFuture<Void> a = worker(() -> {
            batch.add(VISITORS, visitor("v2"));
            batch.add(VISITORS, visitor("v3")); // fills the batch: this worker writes v2 and v3
        });
        first.awaitEntered();

        // the flush of v2 and v3 is inside its transaction: another worker adds and buffers state meanwhile
        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> {
            batch.add(VISITORS, visitor("v4"));
            batch.addState(SCHEMA, cursor("v3"));
            return null;
        }, "add and addState must not wait for another worker's flush");
        assertEquals(Map.of("visitors", 2L), batch.rowsPerTable(SCHEMA), "only the first flush has committed");

        Gate.Hold second = gate.hold();
        Thread[] thread = new Thread[1];
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> c = worker(() -> {
            thread[0] = Thread.currentThread();
            started.countDown();
            batch.add(VISITORS, visitor("v5")); // fills the batch again: v4, v5 and the cursor of v3
        });
        started.await();
        awaitParked(thread[0]); // it took its buffers and waits for the flush of v2 and v3 to end

        first.release();
        second.awaitEntered(); // the first flush committed; the second is inside its transaction
        a.get();
        assertEquals(List.of("v0", "v1", "v2", "v3"), visitors(), "the first flush, alone");
        assertEquals(List.of("v0"), cursors(), "the cursor of v3 was buffered after v3's flush took its rows: it waits");

        second.release();
        c.get();
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4", "v5"), visitors());
        assertEquals(List.of("v0", "v3"), cursors());
        assertEquals(Map.of("visitors", 6L), batch.rowsPerTable(SCHEMA));
        batch.complete();
    }

    @Test
    void aFailedFlushFailsTheFlushesTakenAfterItAndWritesNoneOfThem() throws Exception {
        Gate.Hold first = gate.hold();
        CompletableFuture<Void> a = worker(() -> {
            batch.add(VISITORS, visitor("v2"));
            batch.add(VISITORS, visitor("v3"));
        });
        first.awaitEntered();
        Thread[] thread = new Thread[1];
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> c = worker(() -> {
            thread[0] = Thread.currentThread();
            started.countDown();
            batch.addState(SCHEMA, cursor("v3"));
            batch.add(VISITORS, visitor("v4"));
            batch.add(VISITORS, visitor("v5"));
        });
        started.await();
        awaitParked(thread[0]);

        first.refuse();
        ExecutionException writer = assertThrows(ExecutionException.class, a::get);
        assertInstanceOf(LoadException.class, writer.getCause(), "the worker whose flush failed: " + writer.getCause());
        assertTrue(writer.getCause().getMessage().contains("chaport_data.visitors"), writer.getCause().getMessage());
        ExecutionException waiting = assertThrows(ExecutionException.class, c::get);
        assertInstanceOf(IllegalStateException.class, waiting.getCause(),
                "the worker whose rows were taken after the failed flush: " + waiting.getCause());

        assertEquals(List.of("v0", "v1"), visitors(), "neither the failed flush nor the one behind it wrote a row");
        assertEquals(List.of("v0"), cursors(), "nor a cursor");
        assertThrows(IllegalStateException.class, () -> batch.add(VISITORS, visitor("v6")), "the batch stays failed");
        assertThrows(IllegalStateException.class, batch::complete);
    }

    @Test
    void aFlushDoesNotWaitForTheRegistryWhileTheRegistryWaitsForIt() throws Exception {
        Gate.Hold first = gate.hold();
        CompletableFuture<Void> a = worker(() -> {
            batch.add(VISITORS, visitor("v2"));
            batch.add(VISITORS, visitor("v3"));
        });
        first.awaitEntered(); // its transaction is about to open: schema changes wait for it

        Thread[] thread = new Thread[1];
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> b = worker(() -> {
            thread[0] = Thread.currentThread();
            started.countDown();
            other.add(VISITORS, json("{\"id\":\"w1\",\"email\":\"w1@example.com\"}")); // a new column: DDL
        });
        started.await();
        awaitParked(thread[0]); // it holds the registry and waits for the first flush to end

        first.release();
        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> {
            a.get();
            b.get();
        }, "the flush asked the registry from inside its transaction while the registry waited for that transaction");
        assertEquals(List.of("v0", "v1", "v2", "v3", "w1"), visitors());
    }

    private static Map<String, Object> visitor(String id) {
        return json("{\"id\":\"" + id + "\",\"name\":\"name of " + id + "\"}");
    }

    private static StateEntry cursor(String visitor) {
        return new StateEntry("visitor_chats", visitor, "T-" + visitor);
    }

    private List<String> visitors() throws SQLException {
        return column("SELECT id FROM chaport_data.visitors ORDER BY id");
    }

    private List<String> cursors() throws SQLException {
        return column("SELECT parent_key FROM chaport_data._chatload_state WHERE resource = 'visitor_chats'"
                + " ORDER BY parent_key");
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = reader.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private CompletableFuture<Void> worker(Work work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "fan-out-worker");
        thread.start();
        workers.add(done);
        return done;
    }

    /** Until the thread parks: behind the held flush, on the batch's writer lock or the lock schema changes take. */
    private static void awaitParked(Thread thread) {
        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
        }, "the second worker never waited for the first flush");
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** Holds the next connection asked for until released, or refuses it. */
    private static final class Gate {
        private final AtomicReference<Hold> armed = new AtomicReference<>();
        private final List<Hold> holds = new ArrayList<>();

        final class Hold {
            private final CountDownLatch entered = new CountDownLatch(1);
            private final CountDownLatch decided = new CountDownLatch(1);
            private volatile boolean refused;

            void awaitEntered() throws InterruptedException {
                entered.await();
            }

            void release() {
                decided.countDown();
            }

            void refuse() {
                refused = true;
                decided.countDown();
            }

            void pass() throws SQLException {
                entered.countDown();
                try {
                    decided.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted at the gate", e);
                }
                if (refused) {
                    throw new SQLException("the test refused this connection");
                }
            }
        }

        synchronized Hold hold() {
            Hold hold = new Hold();
            holds.add(hold);
            armed.set(hold);
            return hold;
        }

        synchronized void releaseAll() {
            holds.forEach(Hold::release);
        }

        DataSource wrap(DataSource target) {
            return new DataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    Hold hold = armed.getAndSet(null);
                    if (hold != null) {
                        hold.pass();
                    }
                    return target.getConnection();
                }

                @Override
                public Connection getConnection(String user, String password) throws SQLException {
                    return getConnection();
                }

                @Override
                public PrintWriter getLogWriter() throws SQLException {
                    return target.getLogWriter();
                }

                @Override
                public void setLogWriter(PrintWriter out) throws SQLException {
                    target.setLogWriter(out);
                }

                @Override
                public void setLoginTimeout(int seconds) throws SQLException {
                    target.setLoginTimeout(seconds);
                }

                @Override
                public int getLoginTimeout() throws SQLException {
                    return target.getLoginTimeout();
                }

                @Override
                public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                    return target.getParentLogger();
                }

                @Override
                public <T> T unwrap(Class<T> type) throws SQLException {
                    return target.unwrap(type);
                }

                @Override
                public boolean isWrapperFor(Class<?> type) throws SQLException {
                    return target.isWrapperFor(type);
                }
            };
        }
    }
}
