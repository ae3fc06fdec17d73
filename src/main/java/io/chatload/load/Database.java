package io.chatload.load;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections with the dialect's session settings, and transactions that commit or roll back as a whole. */
final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    DataSource dataSource() {
        return dataSource;
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
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
