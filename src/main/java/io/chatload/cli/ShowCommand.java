package io.chatload.cli;

import io.chatload.config.ChatloadConfig;
import io.chatload.load.ColumnInfo;
import io.chatload.load.Destination;
import io.chatload.load.LoadRecord;
import io.chatload.load.ResourceState;
import io.chatload.load.TableInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** {@code show}: recent loads, each resource's state, and the tables with row counts and columns. */
final class ShowCommand implements Command {

    private static final int RECENT_LOADS = 10;

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String help() {
        return """
                show                       show the pipeline's state in the configured database
                  Recent loads (id, status, duration, rows per table), each resource's last load, success, error
                  and cursor, and every table with its row count and columns.
                """;
    }

    @Override
    public int run(Args args, Console console) throws SQLException {
        args.noPositionals(name());
        ChatloadConfig config = ChatloadConfig.load();
        try (Destination destination = Databases.connect(config)) {
            Set<String> schemas = schemasWithLedger(destination);
            if (schemas.isEmpty()) {
                console.out().println("Nothing loaded yet into " + Databases.redact(config.dbUrl())
                        + ": run 'java -jar target/chatload.jar demo' or 'run --once'.");
                return 0;
            }
            for (String schema : schemas) {
                showSchema(destination, schema, console);
            }
            return 0;
        }
    }

    private static void showSchema(Destination destination, String schema, Console console) throws SQLException {
        console.out().println("== " + schema + " ==");
        console.out().println("Loads (newest first):");
        List<List<Object>> loads = new ArrayList<>();
        for (LoadRecord r : destination.ledger().recent(schema, RECENT_LOADS)) {
            loads.add(List.of(r.loadId(), r.status().name(), String.valueOf(r.startedAt()), duration(r.startedAt(), r.finishedAt()),
                    r.rowsPerTable().isEmpty() ? "-" : r.rowsPerTable().toString(), r.error() == null ? "" : r.error()));
        }
        TextTable.printAligned(console.out(), List.of("load_id", "status", "started_at", "duration", "rows", "error"), loads);
        console.out().println();
        console.out().println("Resources:");
        List<List<Object>> resources = new ArrayList<>();
        for (ResourceState s : destination.state().all(schema)) {
            resources.add(List.of(s.resource(), nullable(s.lastLoadId()), nullable(s.lastSuccessAt()),
                    nullable(s.lastErrorAt()), nullable(s.lastError()),
                    s.cursor() == null ? (s.parentCursors() > 0 ? s.parentCursors() + " per-parent cursors" : "") : s.cursor()));
        }
        TextTable.printAligned(console.out(), List.of("resource", "last_load", "last_success_at", "last_error_at", "last_error", "cursor"), resources);
        console.out().println();
        console.out().println("Tables:");
        for (TableInfo t : destination.tables(schema)) {
            StringBuilder columns = new StringBuilder();
            for (ColumnInfo c : t.columns()) {
                columns.append(columns.isEmpty() ? "" : ", ").append(c.name()).append(' ').append(shortType(c.sqlType()));
            }
            console.out().println(String.format(Locale.ROOT, "  %s.%s  %d rows", schema, t.name(), t.rowCount()));
            console.out().println("    " + columns);
        }
        console.out().println();
    }

    /** The SQL type as dlt users read it: text, bigint, double, bool, timestamp... */
    private static String shortType(String sqlType) {
        String type = sqlType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "character varying", "varchar", "character large object", "clob" -> "text";
            case "timestamp with time zone" -> "timestamptz";
            case "double precision" -> "double";
            case "boolean" -> "bool";
            default -> type;
        };
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f s", Duration.between(start, end).toMillis() / 1000.0);
    }

    /** The schemas chatload has loaded into: those holding a {@code _dlt_loads} ledger. */
    private static Set<String> schemasWithLedger(Destination destination) throws SQLException {
        Set<String> schemas = new TreeSet<>();
        try (Connection c = destination.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if ("_dlt_loads".equalsIgnoreCase(rs.getString("TABLE_NAME")) && rs.getString("TABLE_SCHEM") != null) {
                    schemas.add(rs.getString("TABLE_SCHEM").toLowerCase(Locale.ROOT));
                }
            }
        }
        return schemas;
    }
}
