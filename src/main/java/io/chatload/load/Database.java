package io.chatload.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * Connections with the dialect's session settings; transactions that commit or roll back as a whole; and schema
 * changes that run alone. H2 adds a column by rebuilding the table, and a write that meets the rebuild can be lost
 * or fail with "table not found" (seen with parallel writers), so DDL waits for running transactions to end and
 * new ones wait for the DDL.
 */
final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final ReadWriteLock schemaLock = new ReentrantReadWriteLock(true);

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** A connection in auto-commit mode (pooled connections may come back without it); the caller closes it. */
    Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            dialect.configureSession(connection);
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs {@code work} in one transaction: everything it wrote commits together, or nothing does. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        schemaLock.readLock().lock();
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
            schemaLock.readLock().unlock();
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
