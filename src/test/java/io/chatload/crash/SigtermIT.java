package io.chatload.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.load.Destination;
import io.chatload.load.LoadRecord;
import io.chatload.load.LoadStatus;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of {@code run --once}, as a service manager or {@code docker stop} sends it: the process stops
 * fetching, commits what it holds, closes the database and exits 143 within seconds with one line; the next run
 * completes, and the database equals the sandbox's truth.
 */
class SigtermIT {
    private static final Path JAR = Path.of(System.getProperty("chatload.jar", "target/chatload.jar")).toAbsolutePath();
    private static final Path ROUTES = Path.of("routes").toAbsolutePath();
    /** What the JVM reports for a process SIGTERM ended: 128 + 15. */
    private static final int TERMINATED = 143;
    private static final Duration STOP_WITHIN = Duration.ofSeconds(15);
    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);
    /** 180 visitors at 30 ms an answer: a crawl of several seconds, in batches of 5 root records. */
    private static final SandboxConfig CONFIG = SandboxConfig.defaults().withSeed(11).withLatencyMs(30);
    private static final int BATCH = 5;
    /** On H2, a fraction of the crawl: some batches of 5 visitors with their chats have committed by then. */
    private static final int REQUESTS = 200;

    @TempDir
    Path dir;

    @Test
    void onH2SigtermMidLoadExitsCleanlyWithinSecondsAndTheNextRunCompletesTheTruth() throws Exception {
        String dbUrl = "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath();
        try (SandboxServer sandbox = SandboxServer.start(CONFIG)) {
            // an embedded H2 file admits no second process to look: the sandbox's count of requests tells the moment
            stopThenResume(sandbox, dbUrl, "", () -> requests(sandbox) >= REQUESTS);
        }
    }

    @Test
    void onPostgresqlSigtermOnceRowsAreCommittedExitsCleanlyAndTheNextRunCompletesTheTruth() throws Exception {
        try (TestDatabase pg = TestDatabases.postgres("sigterm");
             SandboxServer sandbox = SandboxServer.start(CONFIG)) {
            stopThenResume(sandbox, pg.url(), pg.user(), () -> committedVisitors(pg) > 0);
        }
    }

    /** Starts run --once, sends SIGTERM once {@code moment} holds, checks the stop, then runs again to the truth. */
    private void stopThenResume(SandboxServer sandbox, String dbUrl, String user, Callable<Boolean> moment) throws Exception {
        ChildLoad stopped = ChildLoad.start(JAR, ROUTES, sandbox, dbUrl, user, BATCH, dir.resolve("stopped.log"));
        await(stopped, moment);
        long signalled = System.nanoTime();
        stopped.terminate();
        int exit = stopped.awaitExit(STOP_WITHIN);
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);

        List<String> output = Files.readAllLines(stopped.log(), StandardCharsets.UTF_8);
        assertEquals(TERMINATED, exit, String.join("\n", output));
        assertEquals(1, output.size(), "one line, no summary, no stack trace:\n" + String.join("\n", output));
        assertTrue(output.get(0).matches("stopped by SIGTERM/SIGINT: load \\S+ interrupted; committed batches stay, "
                + "the next run resumes from them"), output.get(0));
        assertTrue(took.compareTo(STOP_WITHIN) < 0, "stopped in " + took);
        try (Destination db = Destination.connect(dbUrl, user, "")) {
            LoadRecord load = db.ledger().recent(ExpectedTable.CHAPORT, 1).get(0);
            assertEquals(LoadStatus.FAILED, load.status(), "the ledger closed the stopped load: " + load);
            assertTrue(load.error().contains("not sent: stopped by SIGTERM/SIGINT"), load.error());
            long visitors = ((Number) db.query("SELECT COUNT(*) FROM chaport_data.visitors", 1).rows().get(0).get(0)).longValue();
            assertTrue(visitors > 0 && visitors < sandbox.data().chaportVisitors().size(),
                    "stopped in the middle of the crawl, its batches committed: " + visitors + " visitors");
        }

        ChildLoad next = ChildLoad.start(JAR, ROUTES, sandbox, dbUrl, user, BATCH, dir.resolve("next.log"));
        assertEquals(0, next.awaitExit(Duration.ofMinutes(5)), next.tail());
        try (Destination db = Destination.connect(dbUrl, user, "")) {
            ExpectedTable.assertAllLoaded(db.dataSource(), ExpectedTable.of(sandbox.data()));
            for (String schema : CrashDrill.SCHEMAS) {
                OrphanRows.assertNone(db, schema);
            }
        }
    }

    private static void await(ChildLoad child, Callable<Boolean> moment) throws Exception {
        long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
        while (!moment.call()) {
            if (!child.alive() || System.nanoTime() > deadline) {
                throw new AssertionError("the moment to stop never came (alive: " + child.alive() + "):\n" + child.tail());
            }
            Thread.sleep(20);
        }
    }

    private static long requests(SandboxServer sandbox) {
        return sandbox.stats().values().stream().mapToLong(Long::longValue).sum();
    }

    private static long committedVisitors(TestDatabase db) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM chaport_data.visitors")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException notYet) {
            return 0; // the schema or the table is not there yet
        }
    }
}
