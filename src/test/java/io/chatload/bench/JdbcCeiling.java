package io.chatload.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The database ceiling: reads every data table chatload loaded (both schemas, its own ledger and state tables left
 * out) into memory, creates the same tables (column types and primary keys as the source database reports them) in
 * a fresh target database of the same kind, and times plain JDBC batch INSERTs of the same rows: one
 * {@code executeBatch} and one commit per {@code batchSize} rows, as chatload's default batch of 500.
 * Usage: JdbcCeiling sourceUrl sourceUser sourcePassword targetUrl targetUser targetPassword batchSize [warmUpTargetUrl]
 * (with a warm-up target, the same inserts run there first, untimed: the figure of a warm JVM)
 */
public final class JdbcCeiling {
    private static final List<String> SCHEMAS = List.of("chaport_data", "chatforma_data");

    private record Table(String schema, String name, List<String> columns, List<String> types, List<String> key,
                         List<Object[]> rows) {
    }

    public static void main(String[] args) throws Exception {
        int batchSize = Integer.parseInt(args[6]);
        List<Table> tables = new ArrayList<>();
        try (Connection source = BenchDatabase.open(args[0], args[1], args[2])) {
            DatabaseMetaData meta = source.getMetaData();
            for (String schema : SCHEMAS) {
                List<String> names = new ArrayList<>();
                String stored = schemaName(meta, BenchDatabase.schema(args[0], schema));
                boolean catalog = BenchDatabase.schemaIsCatalog(args[0]);
                try (ResultSet rs = meta.getTables(catalog ? stored : null, catalog ? null : stored, "%", new String[] {"TABLE", "BASE TABLE"})) {
                    while (rs.next()) {
                        String name = rs.getString("TABLE_NAME");
                        if (!name.toLowerCase().startsWith("_dlt_") && !name.toLowerCase().startsWith("_chatload") && !name.toLowerCase().startsWith("outbox_")) {
                            names.add(name);
                        }
                    }
                }
                for (String name : names) {
                    tables.add(read(source, meta, stored, catalog, schema, name));
                }
            }
        }
        long rows = tables.stream().mapToLong(t -> t.rows().size()).sum();
        if (args.length > 7) { // a warm JVM, as a long-running loader's: the same inserts once, into another database
            insertAll(tables, args[7], args[4], args[5], batchSize);
        }
        Timed timed = insertAll(tables, args[3], args[4], args[5], batchSize);
        System.out.printf("jdbc ceiling: %d rows in %d tables, batch %d, %.3f s, %.0f rows/s%s%n", rows, tables.size(),
                batchSize, timed.seconds(), rows / timed.seconds(), args.length > 7 ? " (warm JVM)" : "");
        System.out.println("CEILING_ROWS=" + rows);
        System.out.println("CEILING_SECONDS=" + timed.seconds());
        System.out.println("CEILING_CPU_SECONDS=" + timed.cpu()); // this JVM's CPU time over the same span (all threads)
        System.out.println("CEILING_THREAD_CPU_SECONDS=" + timed.threadCpu()); // the inserting thread's alone
    }

    /** Wall, process CPU and thread CPU seconds of a timed span. */
    record Timed(double seconds, double cpu, double threadCpu) {
    }

    /** Creates the tables in the target and times the plain batched inserts of their rows. */
    private static Timed insertAll(List<Table> tables, String url, String user, String password, int batchSize)
            throws Exception {
        try (Connection target = BenchDatabase.open(url, user, password)) {
            target.setAutoCommit(true);
            try (Statement st = target.createStatement()) {
                for (String schema : SCHEMAS) {
                    st.execute("CREATE SCHEMA IF NOT EXISTS " + BenchDatabase.schema(url, schema)
                            + (BenchDatabase.schemaIsCatalog(url) ? " CHARACTER SET utf8mb4" : ""));
                }
                for (Table t : tables) {
                    StringJoiner cols = new StringJoiner(", ");
                    for (int i = 0; i < t.columns().size(); i++) {
                        cols.add(q(t.columns().get(i)) + " " + t.types().get(i));
                    }
                    if (!t.key().isEmpty()) {
                        cols.add("PRIMARY KEY (" + String.join(", ", t.key().stream().map(JdbcCeiling::q).toList()) + ")");
                    }
                    st.execute("CREATE TABLE " + BenchDatabase.schema(url, t.schema()) + "." + q(t.name()) + " (" + cols + ")");
                }
            }
            target.setAutoCommit(false);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long threadCpuStart = threadCpuNanos();
            for (Table t : tables) {
                String marks = String.join(", ", t.columns().stream().map(c -> "?").toList());
                String sql = "INSERT INTO " + BenchDatabase.schema(url, t.schema()) + "." + q(t.name()) + " ("
                        + String.join(", ", t.columns().stream().map(JdbcCeiling::q).toList()) + ") VALUES (" + marks + ")";
                try (PreparedStatement ps = target.prepareStatement(sql)) {
                    int pending = 0;
                    for (Object[] row : t.rows()) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                        if (++pending == batchSize) {
                            ps.executeBatch();
                            target.commit();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                        target.commit();
                    }
                }
            }
            return new Timed((System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9,
                    (threadCpuNanos() - threadCpuStart) / 1e9);
        }
    }

    /** CPU time of this JVM, all threads (GC, JIT and H2's own included), from the JDK's OperatingSystemMXBean. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the calling thread (H2's work included, as it runs in the caller; JIT and GC threads not). */
    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String schemaName(DatabaseMetaData meta, String schema) throws Exception {
        return meta.storesUpperCaseIdentifiers() ? schema.toUpperCase() : schema;
    }

    /** @param stored where the schema is stored; {@code schema}: its name without the URL's prefix */
    private static Table read(Connection source, DatabaseMetaData meta, String stored, boolean catalog, String schema,
                              String name) throws Exception {
        List<String> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog ? stored : null, catalog ? null : stored, name)) {
            List<Object[]> parts = new ArrayList<>();
            while (rs.next()) {
                parts.add(new Object[] {rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME")});
            }
            parts.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
            parts.forEach(p -> key.add((String) p[1]));
        }
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (Statement st = source.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + stored.toLowerCase() + "." + q(name))) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i));
                types.add(ddlType(md, i));
            }
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return new Table(schema, name, columns, types, key, rows);
    }

    private static String ddlType(ResultSetMetaData md, int i) throws Exception {
        String type = md.getColumnTypeName(i);
        String upper = type.toUpperCase();
        if ((upper.contains("VARCHAR") || upper.equals("CHARACTER VARYING")) && md.getPrecision(i) > 0
                && md.getPrecision(i) < 1_000_000) {
            return type + "(" + md.getPrecision(i) + ")";
        }
        return type;
    }

    private static String q(String identifier) {
        return "\"" + identifier + "\"";
    }
}
