package io.chatload.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/** Quartz's connections: a pool of their own, closed when the scheduler shuts down. */
final class PooledConnections implements ConnectionProvider {

    /**
     * The store takes a connection only to acquire, fire and complete triggers and to check in, each briefly: a few
     * are enough, and a pool apart from the loads' keeps a busy load from delaying the check-in.
     */
    private static final int CONNECTIONS = 4;

    /**
     * How long the server lets a session sit idle inside a transaction (see
     * {@link ClusterDatabase#idleTransactionTimeout}): the longest a vanished node can hold Quartz's lock.
     */
    private static final int IDLE_TRANSACTION_SECONDS = 60;

    private final HikariDataSource pool;

    PooledConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    /** {@link #open(ClusterDatabase, String, String, String, int)} with chatload's idle-transaction limit. */
    static HikariDataSource open(ClusterDatabase database, String url, String user, String password) {
        return open(database, url, user, password, IDLE_TRANSACTION_SECONDS);
    }

    /**
     * A pool on the destination {@code url} for Quartz, which commits its own transactions. They run at READ
     * COMMITTED, as PostgreSQL's do by default: Quartz reads, takes a row lock, then reads again expecting the latest
     * commits (a node checking in re-reads the failed nodes once it holds the lock, so that two survivors do not both
     * recover one); MariaDB's default REPEATABLE READ would answer the second read from the first one's snapshot.
     *
     * @throws RuntimeException when the database cannot be reached
     */
    static HikariDataSource open(ClusterDatabase database, String url, String user, String password,
                                 int idleTransactionSeconds) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("chatload-quartz");
        hikari.setJdbcUrl(database.driverUrl(url));
        if (!user.isEmpty()) {
            hikari.setUsername(user);
        }
        if (!password.isEmpty()) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(CONNECTIONS);
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(false);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hikari.setConnectionInitSql(database.idleTransactionTimeout(idleTransactionSeconds));
        return new HikariDataSource(hikari);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void shutdown() {
        pool.close();
    }

    @Override
    public void initialize() {
    }
}
