package io.chatload.cli;

import io.chatload.config.ChatloadConfig;
import io.chatload.dashboard.ColumnTypes;
import io.chatload.dashboard.Dashboard;
import io.chatload.dashboard.Schemas;
import io.chatload.load.ColumnInfo;
import io.chatload.load.Destination;
import io.chatload.load.LoadRecord;
import io.chatload.load.ResourceState;
import io.chatload.load.TableInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

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
                show [--web [--port N]]    show the pipeline's state in the configured database
                  Recent loads (id, status, duration, rows per table), each resource's last load, success, error
                  and cursor, and every table with its row count and columns.
                  --web      serve it as a web page instead, with a plot of the loads and a sample of each table,
                             on chatload.management.host (127.0.0.1) until Ctrl+C; 'run' serves the same page
                  --port N   the page's port (default chatload.management.port, 9090)
                """;
    }

    @Override
    public Set<String> valueFlags() {
        return Set.of("--port");
    }

    @Override
    public Set<String> switchFlags() {
        return Set.of("--web");
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        args.noPositionals(name());
        if (args.has("--port") && !args.has("--web")) {
            throw new UsageException("show: --port applies to --web");
        }
        ChatloadConfig config = ChatloadConfig.load();
        if (args.has("--web")) {
            int port = args.intValue("--port", config.getInt("chatload.management.port", 9090, 0), 1, 65_535);
            if (port == 0) {
                throw new UsageException("show --web: chatload.management.port is 0 (off); give the page a port with --port N");
            }
            return web(config, port, console);
        }
        try (Destination destination = Databases.connect(config)) {
            Set<String> schemas = Schemas.withLedger(destination);
            if (schemas.isEmpty()) {
                console.out().println("Nothing loaded yet into " + Databases.redact(config.dbUrl())
                        + ": run '" + JarCommand.get() + " demo' or 'run --once'.");
                return 0;
            }
            for (String schema : schemas) {
                showSchema(destination, schema, console);
            }
            return 0;
        }
    }

    /** Serves the dashboard until Ctrl+C or SIGTERM. */
    private static int web(ChatloadConfig config, int port, Console console) throws Exception {
        String host = config.get("chatload.management.host", "127.0.0.1");
        try (Destination destination = Databases.connect(config)) {
            Main main = Dashboard.serve(destination, host, port);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    console.out().println("Dashboard of " + Databases.redact(config.dbUrl()) + ": " + Dashboard.url(host, port)
                            + " (Ctrl+C stops)");
                }
            });
            main.run();
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
                columns.append(columns.isEmpty() ? "" : ", ").append(c.name()).append(' ').append(ColumnTypes.shortType(c.sqlType()));
            }
            console.out().println(String.format(Locale.ROOT, "  %s.%s  %d rows", schema, t.name(), t.rowCount()));
            console.out().println("    " + columns);
        }
        console.out().println();
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
}
