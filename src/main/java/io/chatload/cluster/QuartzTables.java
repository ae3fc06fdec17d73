package io.chatload.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Quartz's QRTZ_ tables in a schema of their own (on MariaDB a database), created when absent. Nodes that start
 * together serialize on a lock of the database's own (an advisory lock on PostgreSQL, a named lock on MariaDB), so one
 * creates and the others find the tables. The rows of QRTZ_LOCKS are Quartz's to insert: the first nodes that find one
 * missing both insert it, and Quartz rolls the loser back and takes the row at its next try.
 */
final class QuartzTables {

    /** A table name, not the QRTZ_ inside an index name such as IDX_QRTZ_T_J. */
    private static final Pattern TABLE = Pattern.compile("(?i)\\bQRTZ_");
    /** How long a starting node waits for another that is creating the tables. */
    private static final int CREATE_WAIT_SECONDS = 60;

    private QuartzTables() {
    }

    /** The table prefix for {@code org.quartz.jobStore.tablePrefix}: schema-qualified. */
    static String prefix(String schema) {
        return schema + ".QRTZ_";
    }

    /** Creates the schema and the tables unless they exist; returns whether it created them. */
    static boolean ensure(DataSource dataSource, ClusterDatabase database, String schema) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                return database == ClusterDatabase.POSTGRESQL ? ensurePostgres(c, schema) : ensureMariaDb(c, schema);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** PostgreSQL's DDL is transactional: all of it commits, or none. */
    private static boolean ensurePostgres(Connection c, String schema) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(hashtext('chatload quartz tables " + schema + "'))");
            boolean exists;
            try (ResultSet r = s.executeQuery("SELECT to_regclass('" + schema + ".qrtz_locks') IS NOT NULL")) {
                r.next();
                exists = r.getBoolean(1);
            }
            if (!exists) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                for (String statement : statements(ClusterDatabase.POSTGRESQL, schema)) {
                    s.execute(statement);
                }
            }
            c.commit();
            return !exists;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * MariaDB commits each DDL statement by itself: a named lock (the session's, released here or when the connection
     * ends) keeps a second node from creating at the same time, and every table is created only if absent, so a start
     * that died half-way is completed by the next. QRTZ_LOCKS, created last, tells whether all tables exist.
     */
    private static boolean ensureMariaDb(Connection c, String schema) throws SQLException {
        c.setAutoCommit(true);
        String lock = "CONCAT('chatload_quartz_', MD5(?))"; // names of named locks are limited to 64 characters
        try (PreparedStatement get = c.prepareStatement("SELECT GET_LOCK(" + lock + ", " + CREATE_WAIT_SECONDS + ")")) {
            get.setString(1, schema);
            try (ResultSet r = get.executeQuery()) {
                if (!r.next() || r.getInt(1) != 1) {
                    throw new SQLException("another node held the lock on creating Quartz's tables in " + schema + " for "
                            + CREATE_WAIT_SECONDS + " s");
                }
            }
        }
        try {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'QRTZ_LOCKS'")) {
                q.setString(1, schema);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    exists = r.getInt(1) > 0;
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE IF NOT EXISTS " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    for (String statement : statements(ClusterDatabase.MARIADB, schema)) {
                        s.execute(statement);
                    }
                }
            }
            return !exists;
        } finally {
            try (PreparedStatement release = c.prepareStatement("SELECT RELEASE_LOCK(" + lock + ")")) {
                release.setString(1, schema);
                release.execute();
            }
        }
    }

    /** The database's script for {@code schema}: its CREATE statements, without DROPs or a COMMIT. */
    static List<String> statements(ClusterDatabase database, String schema) {
        StringBuilder code = new StringBuilder();
        script(database).lines().filter(line -> !line.trim().startsWith("--"))
                .forEach(line -> code.append(line).append('\n'));
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            String sql = statement.trim();
            if (sql.regionMatches(true, 0, "CREATE", 0, 6)) {
                statements.add(TABLE.matcher(sql).replaceAll(prefix(schema)));
            }
        }
        return statements;
    }

    /** The DDL resource's text, as it ships. */
    private static String script(ClusterDatabase database) {
        try (InputStream in = QuartzTables.class.getResourceAsStream(database.ddl())) {
            if (in == null) {
                throw new IllegalStateException("the classpath lacks " + database.ddl());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
