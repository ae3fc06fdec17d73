package io.chatload.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The connections of a Destination. H2 keeps its own pool: its connections are in-process sessions that cost nothing
 * to hold, and a pool that never retires them keeps a {@code jdbc:h2:mem:} database alive (HikariCP replaces
 * connections after maxLifetime, and the last one closing would drop it). PostgreSQL and MariaDB get HikariCP.
 */
final class ConnectionPool implements AutoCloseable {
    /** Embedded H2: enough for the parallel writers of a run plus DDL, ledger and queries. */
    private static final int H2_CONNECTIONS = 32;
    /**
     * Servers: a run has up to 4 resource trees with 4 child writers each, but a batch holds a connection only while it
     * flushes, so 8 serve them without queueing long and leave the server's connection limit (often 100) to others.
     */
    private static final int SERVER_CONNECTIONS = 8;
    private static final int SERVER_MIN_IDLE = 2;
    private static final long IDLE_TIMEOUT_MILLIS = 120_000;
    /** How long a writer waits for a free connection before its batch fails. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 60_000;

    private final DataSource dataSource;
    private final Runnable closer;

    private ConnectionPool(DataSource dataSource, Runnable closer) {
        this.dataSource = dataSource;
        this.closer = closer;
    }

    /** Opens the pool; for servers this makes the first connection, so a bad URL or login fails here. */
    static ConnectionPool open(DatabaseUrl url, String user, String password) {
        if (url.kind() == DatabaseUrl.Kind.H2) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url.driverUrl(), user, password);
            pool.setMaxConnections(H2_CONNECTIONS);
            return new ConnectionPool(pool, pool::dispose);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("chatload-" + url.kind().name().toLowerCase(Locale.ROOT));
        config.setJdbcUrl(url.driverUrl());
        // left unset when empty, so that user= and password= in the URL still count
        if (!user.isEmpty()) {
            config.setUsername(user);
        }
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(SERVER_CONNECTIONS);
        config.setMinimumIdle(SERVER_MIN_IDLE);
        config.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        if (url.kind() == DatabaseUrl.Kind.POSTGRESQL) {
            config.setDriverClassName("org.postgresql.Driver");
        } else {
            config.setDriverClassName("org.mariadb.jdbc.Driver");
            config.setConnectionInitSql(MariaDbDialect.SESSION_SETUP);
            // InnoDB's default REPEATABLE READ takes gap locks that make parallel writers of one table deadlock;
            // PostgreSQL's default is READ COMMITTED already
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        HikariDataSource pool = new HikariDataSource(config);
        return new ConnectionPool(pool, pool::close);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        closer.run();
    }
}
