package io.chatload.cluster;

import io.chatload.config.ConfigException;
import java.util.Locale;

/**
 * The destinations whose Quartz store several nodes can share, and what differs between them: Quartz's delegate (its
 * SQL dialect), where the QRTZ_ DDL comes from, and what the driver needs in the URL.
 */
enum ClusterDatabase {
    /** Quartz's own script from its jar; bytea columns need the PostgreSQL delegate. */
    POSTGRESQL("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", "/org/quartz/impl/jdbcjobstore/tables_postgres.sql"),
    /** Quartz's standard delegate, which Quartz names for MySQL; the DDL is chatload's, after tables_mysql_innodb.sql. */
    MARIADB("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", "/io/chatload/cluster/tables_mariadb.sql");

    private final String delegate;
    private final String ddl;

    ClusterDatabase(String delegate, String ddl) {
        this.delegate = delegate;
        this.ddl = ddl;
    }

    /** For {@code org.quartz.jobStore.driverDelegateClass}. */
    String delegate() {
        return delegate;
    }

    /** The classpath resource holding the QRTZ_ tables' DDL. */
    String ddl() {
        return ddl;
    }

    /**
     * The database of the destination URL {@code chatload.db.url}.
     *
     * @throws ConfigException for any other database, saying why (an embedded H2 belongs to one process)
     */
    static ClusterDatabase of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new ConfigException("chatload.cluster.enabled=true needs a PostgreSQL or MariaDB destination that every node "
                + "reaches (chatload.db.url = jdbc:postgresql://host:5432/db or jdbc:mariadb://host:3306/db); "
                + (url.startsWith("jdbc:h2:") ? "an embedded H2 database belongs to one process (run one node without the cluster)"
                : "this database is not supported for the cluster"));
    }

    /**
     * The statement that ends a session left idle inside a transaction for {@code seconds}, releasing its row locks: a
     * node that vanishes without closing its connection (power loss, a partition) while it holds Quartz's lock would
     * otherwise block every other node until the server notices the dead connection, by default hours later. Quartz's
     * transactions take milliseconds and run no job inside them. On MariaDB (10.3+) only: the executable comment is a
     * plain comment to MySQL, which has no such setting, so there the statement sets a user variable and nothing else.
     */
    String idleTransactionTimeout(int seconds) {
        return this == POSTGRESQL ? "SET idle_in_transaction_session_timeout = '" + seconds + "s'"
                : "SET /*M!100300 SESSION idle_transaction_timeout = " + seconds + ", */ @chatload_quartz = 1";
    }

    /**
     * The URL for Quartz's own pool: without chatload's parameter chatloadSchemaPrefix, which is not the driver's; a
     * {@code jdbc:mysql:} URL as the MariaDB driver accepts it (as the destination's own pool does).
     */
    String driverUrl(String url) {
        String clean = url.replaceAll("(?i)([?&])chatloadSchemaPrefix=[^&]*&?", "$1").replaceAll("[?&]$", "");
        boolean mysqlScheme = clean.startsWith("jdbc:mysql:");
        if (this == MARIADB && mysqlScheme && !clean.toLowerCase(Locale.ROOT).contains("permitmysqlscheme")) {
            return clean + (clean.indexOf('?') < 0 ? '?' : '&') + "permitMysqlScheme=true";
        }
        return clean;
    }
}
