package io.chatload.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * Connections with the dialect's session settings; transactions that commit or roll back as a whole; and schema
 * changes that run alone. H2 adds a column by rebuilding the table, and a write that meets the rebuild can be lost
 * or fail with "table not found" (seen with parallel writers), so DDL waits for running transactions to end and
 * new ones wait for the DDL. (PostgreSQL and MariaDB would make DDL wait for their own locks; the rule costs them
 * little and keeps all three alike.)
 *
 * <p>On H2, transactions also run one at a time. H2 does not see every wait between two of its transactions: an
 * insert of a key that another open transaction inserted is retried until LOCK_TIMEOUT ("Timeout trying to lock
 * table"), outside its deadlock detection, and an uncommitted entry that a killed process left in the file (MVStore
 * writes the maps of concurrent transactions one by one, so a kill can keep a row without its undo record) blocks
 * every insert of its key while any live transaction has the dead one's id, which H2 hands out again. With one
 * transaction at a time neither can happen: no two transactions wait for each other, and the file is always
 * written while nothing else changes it. An embedded H2 writes on one CPU path anyway; HTTP stays parallel.
 */
final class Database {
    /** A transaction the database chose as a deadlock victim (or could not serialise) is run again, this often. */
    private static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 50;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ReadWriteLock schemaLock = new ReentrantReadWriteLock(true);
    /** Held by a transaction: shared with other transactions, or on H2 exclusive (see above). */
    private final Lock transactionLock;

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.transactionLock = dialect instanceof H2Dialect ? schemaLock.writeLock() : schemaLock.readLock();
    }

    Dialect dialect() {
        return dialect;
    }

    /** A connection in auto-commit mode (pooled connections may come back without it); the caller closes it. */
    Connection open() throws SQLException {
        return dialect.open(dataSource);
    }

    /**
     * Runs {@code work} in one transaction: everything it wrote commits together, or nothing does. A transaction rolled
     * back for a deadlock or serialisation failure (InnoDB picks victims among parallel writers) runs again from the
     * start, so {@code work} must only write through its connection.
     */
    <T> T inTransaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        transactionLock.lock();
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } finally {
            transactionLock.unlock();
        }
    }

    /** SQLSTATE 40001 (serialisation failure; MariaDB's and H2's deadlock) or 40P01 (PostgreSQL's deadlock). */
    private static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof SQLException sql ? sql.getNextException() : null) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry a transaction", e);
        }
    }

    /** Runs DDL on an auto-commit connection while no transaction of this Destination is running. */
    void changeSchema(Work<Void> work) throws SQLException {
        schemaLock.writeLock().lock();
        try (Connection connection = open()) {
            work.run(connection);
        } finally {
            schemaLock.writeLock().unlock();
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
