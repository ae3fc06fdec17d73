package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.chatload.load.naming.Naming;
import io.chatload.load.naming.NamingConvention;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why chatload writes H2 one transaction at a time (see {@link Database}), and that it does. CrashSafetyIT's last run
 * failed now and then with "Timeout trying to lock table" after the full LOCK_TIMEOUT, once per row of a batch: H2
 * retries an insert that meets another open transaction's uncommitted key until the timeout, without its deadlock
 * detection, so two transactions that wait for each other that way are never told; and after a kill the file may hold
 * such a key for a dead transaction whose id a live one gets again. Neither can happen with one writer.
 */
class H2OneWriterTest {
    private static final String SCHEMA = "chaport_data";
    private static final TableTarget VISITORS = new TableTarget(SCHEMA, "visitors", List.of("id"), WriteDisposition.MERGE);
    private static final TableTarget OPERATORS = new TableTarget(SCHEMA, "operators", List.of("id"), WriteDisposition.MERGE);
    private static final Duration GUARD = Duration.ofSeconds(60);

    private final List<Connection> connections = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() throws SQLException {
        threads.shutdownNow();
        for (Connection connection : connections) {
            connection.close();
        }
    }

    /** H2's behaviour, the cause: two transactions upserting the same new keys in opposite orders both time out. */
    @Test
    void h2TimesOutTwoTransactionsThatWaitForEachOthersNewKeysInsteadOfNamingADeadlock() throws Exception {
        String url = "jdbc:h2:mem:one-writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Connection setup = open(url);
        try (Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE state (resource VARCHAR, parent_key VARCHAR, PRIMARY KEY (resource, parent_key))");
        }
        Connection first = transaction(url);
        Connection second = transaction(url);
        upsert(first, "a");
        upsert(second, "b");
        CountDownLatch waiting = new CountDownLatch(1);
        Future<?> firstWaits = threads.submit(() -> {
            waiting.countDown();
            upsert(first, "b");
            return null;
        });
        waiting.await();
        SQLException secondTimedOut = assertThrows(SQLException.class, () -> upsert(second, "a"));
        ExecutionException firstTimedOut = assertThrows(ExecutionException.class, firstWaits::get);
        for (Throwable e : List.of(secondTimedOut, firstTimedOut.getCause())) {
            assertEquals("HYT00", ((SQLException) e).getSQLState(), "a lock timeout, not a deadlock (40001): " + e);
        }
    }

    /** chatload's side, the fix: while one batch's transaction is open, another batch's waits for it to end. */
    @Test
    void aSecondBatchWaitsForTheOpenTransactionOfTheFirst() throws Exception {
        String url = "jdbc:h2:mem:one-writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        HeldConnections held = new HeldConnections(h2);
        Database db = new Database(held.dataSource(), new H2Dialect());
        Map<Naming, NamingConvention> conventions = Naming.conventions(db.dialect().maxIdentifierLength());
        NamingConvention naming = conventions.get(Naming.SNAKE_CASE);
        SchemaRegistry registry = Destination.registry(db, naming);
        StateStore state = new StateStore(db, registry, naming, Clock.systemUTC());
        SchemaVersions versions = new SchemaVersions(db, Clock.systemUTC());
        LoadBatch visitors = new LoadBatch(db, registry, state, versions, conventions, "1", 1);
        LoadBatch operators = new LoadBatch(db, registry, state, versions, conventions, "1", 1);
        // first flushes make the schema and both tables: the flushes below only open transactions
        visitors.add(VISITORS, json("{\"id\":\"v0\"}"));
        operators.add(OPERATORS, json("{\"id\":\"o0\"}"));

        CountDownLatch inside = held.holdNext();
        Future<?> visitorFlush = threads.submit(() -> {
            visitors.add(VISITORS, json("{\"id\":\"v1\"}"));
            return null;
        });
        inside.await(); // the visitors' transaction has its connection and stays open
        Thread[] operatorThread = new Thread[1];
        CompletableFuture<Void> operatorFlush = CompletableFuture.runAsync(() -> {
            operatorThread[0] = Thread.currentThread();
            operators.add(OPERATORS, json("{\"id\":\"o1\"}"));
        }, threads);
        assertTimeoutPreemptively(GUARD, () -> {
            while (!operatorFlush.isDone() && (operatorThread[0] == null
                    || operatorThread[0].getState() != Thread.State.WAITING)) {
                Thread.onSpinWait();
            }
        });
        assertFalse(operatorFlush.isDone(), "the operators' transaction ran while the visitors' one was open");

        held.release();
        assertTimeoutPreemptively(GUARD, () -> {
            visitorFlush.get();
            operatorFlush.get();
        });
        Connection reader = open(url);
        assertEquals(List.of("v0", "v1"), ids(reader, "VISITORS"));
        assertEquals(List.of("o0", "o1"), ids(reader, "OPERATORS"));
    }

    private Connection open(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connections.add(connection);
        return connection;
    }

    private Connection transaction(String url) throws SQLException {
        Connection connection = open(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCK_TIMEOUT 1000");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private static void upsert(Connection connection, String resource) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("MERGE INTO state KEY (resource, parent_key) VALUES ('" + resource + "', '')");
        }
    }

    private static List<String> ids(Connection reader, String table) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = reader.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT \"ID\" FROM \"CHAPORT_DATA\".\"" + table + "\" ORDER BY 1")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Hands out connections; the next one asked for after {@link #holdNext} is held until {@link #release}. */
    private static final class HeldConnections {
        private final DataSource target;
        private volatile CountDownLatch entered;
        private final CountDownLatch released = new CountDownLatch(1);

        HeldConnections(DataSource target) {
            this.target = target;
        }

        CountDownLatch holdNext() {
            entered = new CountDownLatch(1);
            return entered;
        }

        void release() {
            released.countDown();
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        CountDownLatch hold = entered;
                        if (method.getName().equals("getConnection") && hold != null && hold.getCount() > 0) {
                            hold.countDown();
                            released.await();
                        }
                        return result;
                    });
        }
    }
}
