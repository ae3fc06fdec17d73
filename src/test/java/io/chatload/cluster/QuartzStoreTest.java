package io.chatload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.Kind;
import io.chatload.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.impl.jdbcjobstore.LockException;
import org.quartz.impl.jdbcjobstore.StdRowLockSemaphore;

/**
 * Quartz's store on each database a cluster can use: nodes starting at the same moment create the QRTZ_ tables once and
 * take Quartz's row locks (its own StdRowLockSemaphore) one at a time, the first ones too, which find no lock row yet;
 * and once a node holds a lock it sees what the others committed.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = Kind.class, names = {"POSTGRES", "MARIADB"})
class QuartzStoreTest {

    private static final String SCHEDULER = "chatload";
    private static final int QUARTZ_TABLES = 11;
    private static final String TRIGGER_ACCESS = "TRIGGER_ACCESS";

    @Parameter
    Kind kind;

    private TestDatabase db;
    private ClusterDatabase database;
    private HikariDataSource pool;
    private String schema;

    @BeforeEach
    void open() throws SQLException {
        db = TestDatabases.create(kind, "quartz");
        database = ClusterDatabase.of(db.url());
        pool = PooledConnections.open(database, db.url(), db.user(), db.password());
        schema = db.schema("chatload_quartz");
    }

    @AfterEach
    void close() throws SQLException {
        if (pool != null) {
            pool.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void nodesStartingTogetherCreateTheTablesOnceAndFindThemAfterwards() throws Exception {
        int nodes = 3;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService starts = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                // a pool per node, as each process has its own
                Callable<Boolean> start = () -> {
                    try (HikariDataSource own = PooledConnections.open(database, db.url(), db.user(), db.password())) {
                        together.await(30, TimeUnit.SECONDS);
                        return QuartzTables.ensure(own, database, schema);
                    }
                };
                created.add(starts.submit(start));
            }
            int creators = 0;
            for (Future<Boolean> result : created) {
                creators += result.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, creators, "nodes that created the tables");
        } finally {
            starts.shutdownNow();
        }
        assertEquals(QUARTZ_TABLES, count("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = ?"
                + " AND LOWER(table_name) LIKE 'qrtz\\_%'", schema));
        assertEquals(false, QuartzTables.ensure(pool, database, schema), "a later start finds the tables");
    }

    @Test
    void theFirstNodesToTakeALockWithNoRowYetAllGetItInTurn() throws Exception {
        QuartzTables.ensure(pool, database, schema);
        int nodes = 3;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService starts = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<Boolean> take = () -> {
                    try (HikariDataSource own = PooledConnections.open(database, db.url(), db.user(), db.password());
                         Connection c = own.getConnection()) {
                        StdRowLockSemaphore locks = new StdRowLockSemaphore(QuartzTables.prefix(schema), SCHEDULER, null);
                        together.await(30, TimeUnit.SECONDS);
                        boolean obtained = locks.obtainLock(c, TRIGGER_ACCESS);
                        c.commit();
                        locks.releaseLock(TRIGGER_ACCESS);
                        return obtained;
                    }
                };
                taken.add(starts.submit(take));
            }
            for (Future<Boolean> result : taken) {
                assertEquals(true, result.get(120, TimeUnit.SECONDS), "a node got the lock");
            }
        } finally {
            starts.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM " + QuartzTables.prefix(schema) + "LOCKS WHERE SCHED_NAME = ?", SCHEDULER));
    }

    @Test
    void aLockRowHeldByOneNodeIsRefusedToAnotherUntilItCommits() throws Exception {
        QuartzTables.ensure(pool, database, schema);
        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            lock(a); // the first use inserts the row
            a.commit();
            lock(a);
            assertThrows(SQLException.class, () -> lockNoWait(b), "TRIGGER_ACCESS is node a's until it commits");
            b.rollback();
            a.commit();
            lockNoWait(b);
            b.commit();
        }
    }

    /**
     * A node gone silent inside its transaction (power loss, a partition: no connection closed) loses Quartz's lock
     * when the server ends its idle transaction, rather than when the server finds the connection dead, hours later.
     */
    @Test
    void aLockHeldByANodeGoneSilentInItsTransactionIsFreedAfterTheIdleLimit() throws Exception {
        QuartzTables.ensure(pool, database, schema);
        ExecutorService waiting = Executors.newSingleThreadExecutor();
        try (HikariDataSource silent = PooledConnections.open(database, db.url(), db.user(), db.password(), 1);
             Connection b = pool.getConnection()) {
            Connection a = silent.getConnection();
            lock(a); // the first use inserts the row
            a.commit();
            lock(a);
            Future<Void> taken = waiting.submit(() -> {
                lock(b);
                return null;
            });
            // without the limit, node b waits for the lock until the server drops node a's connection
            taken.get(30, TimeUnit.SECONDS);
            b.commit();
            assertThrows(SQLException.class, a::commit, "node a's transaction ended with its session");
            a.close();
        } finally {
            waiting.shutdownNow();
        }
    }

    /**
     * Quartz reads, takes the lock, then reads again to act on the latest state (a node checking in re-reads which
     * nodes failed once it holds STATE_ACCESS, so that two survivors do not both recover one): the second read sees
     * what another node committed in between.
     */
    @Test
    void aReadAfterTakingTheLockSeesWhatAnotherNodeCommittedBefore() throws Exception {
        QuartzTables.ensure(pool, database, schema);
        String states = "SELECT COUNT(*) FROM " + QuartzTables.prefix(schema) + "SCHEDULER_STATE WHERE SCHED_NAME = '"
                + SCHEDULER + "'";
        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            assertEquals(0, count(a, states));
            try (Statement s = b.createStatement()) {
                s.executeUpdate("INSERT INTO " + QuartzTables.prefix(schema) + "SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME,"
                        + " LAST_CHECKIN_TIME, CHECKIN_INTERVAL) VALUES ('" + SCHEDULER + "', 'node-b', 1, 1000)");
            }
            b.commit();
            lock(a);
            assertEquals(1, count(a, states), "node b's check-in, committed before node a took the lock");
            a.commit();
        }
    }

    /** TRIGGER_ACCESS as a node's scheduler takes it: Quartz's own lock handler, in {@code c}'s transaction. */
    private void lock(Connection c) throws LockException {
        new StdRowLockSemaphore(QuartzTables.prefix(schema), SCHEDULER, null).obtainLock(c, TRIGGER_ACCESS);
    }

    /** Quartz's statement for TRIGGER_ACCESS, failing at once rather than waiting when another node holds it. */
    private void lockNoWait(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM " + QuartzTables.prefix(schema) + "LOCKS WHERE SCHED_NAME = '"
                + SCHEDULER + "' AND LOCK_NAME = ? FOR UPDATE NOWAIT")) {
            p.setString(1, TRIGGER_ACCESS);
            try (ResultSet r = p.executeQuery()) {
                assertEquals(true, r.next(), "the lock row exists");
            }
        }
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parameter);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                int count = r.getInt(1);
                c.commit();
                return count;
            }
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
