package io.chatload.crash;

import io.chatload.load.Destination;
import io.chatload.load.LoadStatus;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Kills {@code run --once} with SIGKILL at random moments and runs it again, then checks that nothing was lost or
 * duplicated. A sandbox in this JVM serves the data and outlives every child; each child loads into the same H2 file.
 * Each run is killed once the sandbox has counted a random number of its requests (a moment inside or between
 * batches, whichever it falls on); a run that finishes first counts as a completed run. Before each run after the
 * first, the upstream data changes on a coin toss, so cursors written before a kill meet changed records. After every
 * child the ledger is read: a killed load left at most one row per schema, RUNNING, and no earlier row ever changes; a
 * completed run left one COMPLETED row per schema. After the kills, a last run goes to completion, and every table
 * must equal the sandbox's truth with no duplicate keys and no stray child rows.
 */
final class CrashDrill {
    static final List<String> SCHEMAS = List.of(ExpectedTable.CHAPORT, ExpectedTable.CHATFORMA);
    /** Runs that finish before their kill are allowed, but so many would mean the kills come too late to matter. */
    private static final int MAX_RUNS_PER_KILL = 3;
    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    /** Roughly what a first load asks per visitor (details, latest chat, older chats, events): sizes the kill window. */
    private static final int REQUESTS_PER_VISITOR = 6;

    /**
     * @param sandbox   the data served, with a little latency so that a load takes a few seconds
     * @param kills     how many runs to kill
     * @param batchSize root records per transaction; small, so that many batches commit
     * @param seed      drives the kill moments and the upstream changes
     */
    record Settings(SandboxConfig sandbox, int kills, int batchSize, long seed) {

        /**
         * A run is killed after 1..this many requests: on average the kills together take about one first load, so
         * they spread over all of it; the upstream changes leave the final run work of its own.
         */
        int killWithinRequests() {
            return Math.max(10, 2 * REQUESTS_PER_VISITOR * sandbox.visitors() / kills);
        }

        /** At most this many visitors get a new chat in one upstream change. */
        int maxChangedVisitors() {
            return Math.max(1, sandbox.visitors() / 20);
        }
    }

    record TableCount(String table, long loaded, int truth) {
    }

    record Result(int kills, int completedRuns, Map<String, Long> interruptedLoads, List<TableCount> tables) {
    }

    private final Settings settings;
    private final Path jar;
    private final Path routes;
    private final Path dir;
    private final Consumer<String> report;
    private final String dbUrl;

    /**
     * @param dir    an empty folder for the H2 file and the children's logs
     * @param report receives one line per run
     */
    CrashDrill(Settings settings, Path jar, Path routes, Path dir, Consumer<String> report) {
        this.settings = settings;
        this.jar = jar;
        this.routes = routes;
        this.dir = dir;
        this.report = report;
        this.dbUrl = "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath();
    }

    /** Runs the drill; an AssertionError says which check failed. */
    Result run() throws Exception {
        Random random = new Random(settings.seed());
        try (SandboxServer sandbox = SandboxServer.start(settings.sandbox())) {
            LedgerSnapshot ledger = LedgerSnapshot.empty(SCHEMAS);
            Map<String, Long> interrupted = new LinkedHashMap<>();
            int kills = 0;
            int completed = 0;
            for (int run = 1; kills < settings.kills(); run++) {
                if (run > MAX_RUNS_PER_KILL * settings.kills()) {
                    throw new AssertionError("only " + kills + " of " + settings.kills() + " runs were killed in "
                            + (run - 1) + " runs: the loads are too short for the kill window");
                }
                String change = run > 1 && random.nextBoolean() ? changeUpstream(sandbox, random) : "none";
                int target = 1 + random.nextInt(settings.killWithinRequests());
                long before = requests(sandbox);
                long startedAt = System.nanoTime();
                ChildLoad child = start(sandbox, run);
                boolean running = child.awaitWhileRunning(() -> requests(sandbox) >= before + target, PROGRESS_TIMEOUT);
                int exit = running ? child.kill() : child.awaitExit(RUN_TIMEOUT);
                long made = requests(sandbox) - before;
                double seconds = (System.nanoTime() - startedAt) / 1e9;
                LedgerSnapshot after = readLedger();
                Map<String, Map<String, LoadStatus>> added = after.since(ledger);
                ledger = after;
                if (exit == ChildLoad.KILLED) {
                    kills++;
                    assertKilledLoad(added, child);
                    added.forEach((schema, loads) -> interrupted.merge(schema, (long) loads.size(), Long::sum));
                    report.accept(String.format("kill %2d  run %2d: SIGKILL after %5d requests (target %5d), %5.1f s; loads"
                            + " left RUNNING: %s; upstream change before: %s", kills, run, made, target, seconds,
                            ids(added), change));
                } else {
                    assertCompleted(exit, added, child);
                    completed++;
                    report.accept(String.format("run %2d completed before its kill: %d requests (target %d), %.1f s;"
                            + " upstream change before: %s", run, made, target, seconds, change));
                }
            }
            String change = random.nextBoolean() ? changeUpstream(sandbox, random) : "none";
            long before = requests(sandbox);
            long startedAt = System.nanoTime();
            ChildLoad last = start(sandbox, 0);
            int exit = last.awaitExit(RUN_TIMEOUT);
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            try (Destination db = connect()) {
                LedgerSnapshot after = LedgerSnapshot.read(db, SCHEMAS);
                assertCompleted(exit, after.since(ledger), last);
                completed++;
                report.accept(String.format("final run completed: %d requests, %.1f s; upstream change before: %s",
                        requests(sandbox) - before, seconds, change));
                assertLedger(after, completed, interrupted);
                return new Result(kills, completed, interrupted, assertEqualsTruth(db, sandbox));
            }
        }
    }

    private ChildLoad start(SandboxServer sandbox, int run) throws Exception {
        Path log = dir.resolve(run == 0 ? "final-run.log" : String.format("run-%02d.log", run));
        return ChildLoad.start(jar, routes, sandbox, dbUrl, settings.batchSize(), log);
    }

    /** New chats for some visitors and new messages in some dialogs, as between two real loads. */
    private String changeUpstream(SandboxServer sandbox, Random random) {
        int visitors = 1 + random.nextInt(settings.maxChangedVisitors());
        int dialogs = 1 + random.nextInt(3);
        sandbox.data().addChats(visitors, random.nextLong());
        sandbox.data().addDialogMessages(dialogs, random.nextLong());
        return "new chats for " + visitors + " visitors, new messages in " + dialogs + " dialogs";
    }

    /** A killed load may not have reached a schema yet; where it did, its one row says RUNNING. */
    private static void assertKilledLoad(Map<String, Map<String, LoadStatus>> added, ChildLoad child) throws Exception {
        for (Map.Entry<String, Map<String, LoadStatus>> schema : added.entrySet()) {
            Map<String, LoadStatus> loads = schema.getValue();
            if (loads.size() > 1 || loads.values().stream().anyMatch(s -> s != LoadStatus.RUNNING)) {
                throw new AssertionError(schema.getKey() + "._chatload_loads after a killed run: expected at most one new"
                        + " RUNNING load, found " + loads + "\n" + child.tail());
            }
        }
    }

    private static void assertCompleted(int exit, Map<String, Map<String, LoadStatus>> added, ChildLoad child)
            throws Exception {
        if (exit != 0) {
            throw new AssertionError("run --once exited with " + exit + " (see " + child.log() + "):\n" + child.tail());
        }
        for (Map.Entry<String, Map<String, LoadStatus>> schema : added.entrySet()) {
            if (!List.copyOf(schema.getValue().values()).equals(List.of(LoadStatus.COMPLETED))) {
                throw new AssertionError(schema.getKey() + "._chatload_loads after a completed run: expected one new"
                        + " COMPLETED load, found " + schema.getValue());
            }
        }
    }

    /** Exactly one COMPLETED row per completed run, the killed loads RUNNING, nothing else. */
    private static void assertLedger(LedgerSnapshot ledger, int completed, Map<String, Long> interrupted) {
        for (String schema : SCHEMAS) {
            long running = interrupted.getOrDefault(schema, 0L);
            if (ledger.count(schema, LoadStatus.COMPLETED) != completed
                    || ledger.count(schema, LoadStatus.RUNNING) != running || ledger.size(schema) != completed + running) {
                throw new AssertionError(schema + "._chatload_loads: expected " + completed + " COMPLETED and " + running
                        + " RUNNING loads, found " + ledger.loads().get(schema));
            }
        }
    }

    private static List<TableCount> assertEqualsTruth(Destination db, SandboxServer sandbox) throws Exception {
        List<TableCount> counts = new ArrayList<>();
        for (ExpectedTable table : ExpectedTable.of(sandbox.data())) {
            table.assertLoaded(db.dataSource());
            Number loaded = (Number) db.query("SELECT COUNT(*) FROM " + table.name(), 1).rows().get(0).get(0);
            counts.add(new TableCount(table.name(), loaded.longValue(), table.rows().size()));
        }
        for (String schema : SCHEMAS) {
            OrphanRows.assertNone(db, schema);
        }
        return counts;
    }

    /** Read only once the child has exited: an embedded H2 file admits one process at a time. */
    private LedgerSnapshot readLedger() throws Exception {
        try (Destination db = connect()) {
            return LedgerSnapshot.read(db, SCHEMAS);
        }
    }

    private Destination connect() throws Exception {
        return Destination.connect(dbUrl, "", "");
    }

    private static String ids(Map<String, Map<String, LoadStatus>> added) {
        List<String> loads = new ArrayList<>();
        added.forEach((schema, byId) -> byId.keySet().forEach(id -> loads.add(schema + " " + id)));
        return loads.isEmpty() ? "none yet" : String.join(", ", loads);
    }

    private static long requests(SandboxServer sandbox) {
        return sandbox.stats().values().stream().mapToLong(Long::longValue).sum();
    }
}
