package io.chatload.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Quartz's QRTZ_ tables in a schema of their own on PostgreSQL, created from the DDL that ships in the quartz jar when
 * they are absent. Nodes that start together take an advisory lock, so one creates and the others find them.
 */
final class QuartzTables {

    private static final String DDL = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** A table name, not the QRTZ_ inside an index name such as IDX_QRTZ_T_J. */
    private static final Pattern TABLE = Pattern.compile("(?i)\\bQRTZ_");

    private QuartzTables() {
    }

    /** The table prefix for {@code org.quartz.jobStore.tablePrefix}: schema-qualified. */
    static String prefix(String schema) {
        return schema + ".QRTZ_";
    }

    /** Creates the schema and the tables unless they exist; returns whether it created them. */
    static boolean ensure(DataSource dataSource, String schema) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
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
                    for (String statement : statements(schema)) {
                        s.execute(statement);
                    }
                }
                c.commit();
                return !exists;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The jar's script for {@code schema}: its CREATE statements, without its DROPs and its COMMIT. */
    static List<String> statements(String schema) {
        String script;
        try (InputStream in = QuartzTables.class.getResourceAsStream(DDL)) {
            if (in == null) {
                throw new IllegalStateException("the quartz jar lacks " + DDL);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder code = new StringBuilder();
        script.lines().filter(line -> !line.trim().startsWith("--")).forEach(line -> code.append(line).append('\n'));
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            String sql = statement.trim();
            if (sql.regionMatches(true, 0, "CREATE", 0, 6)) {
                statements.add(TABLE.matcher(sql).replaceAll(schema + ".QRTZ_"));
            }
        }
        return statements;
    }
}
