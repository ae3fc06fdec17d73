package io.chatload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.Kind;
import io.chatload.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two {@code run} processes of the shaded jar on one PostgreSQL or MariaDB database with
 * {@code chatload.cluster.enabled=true}: the resource runs once per period on one node at a time, and when the node
 * that fires it is killed the other takes its trigger over.
 */
class ClusterIT {

    private static final Path JAR = Path.of(System.getProperty("chatload.jar", "target/chatload.jar")).toAbsolutePath();
    private static final Duration PERIOD = Duration.ofSeconds(2);
    /** Quartz takes a node for dead after its check-in interval plus 7.5 s; the rest is the next period and slack. */
    private static final Duration TAKEOVER = Duration.ofSeconds(25);
    /** From a node's launch to its scheduler running; generous, as several JVMs may share a small machine's CPUs. */
    private static final Duration START = Duration.ofSeconds(180);
    private static final Pattern LOAD_LINE = Pattern.compile("Load (\\d+\\.\\d+) (COMPLETED|FAILED)");

    @TempDir
    Path dir;

    /** One row of {@code chaport_data._chatload_loads}; {@code finished} is null while the load runs. */
    record LoadRow(String id, String status, Instant started, Instant finished) {
    }

    /** A chatload node: a child JVM running {@code run}, its log in a file. */
    record Node(String name, Process process, Path log) {
        Set<String> loadIds() {
            try {
                Matcher m = LOAD_LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
                Set<String> ids = new HashSet<>();
                while (m.find()) {
                    ids.add(m.group(1));
                }
                return ids;
            } catch (IOException e) {
                throw new AssertionError("cannot read the log of node " + name, e);
            }
        }

        String logText() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("node " + name + " did not die within 10 s of destroyForcibly");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"POSTGRES", "MARIADB"})
    void twoNodesRunEachPeriodOnceAndTheSurvivorTakesOverWhenTheFiringNodeIsKilled(Kind kind) throws Exception {
        assertTrue(Files.exists(JAR), "the shaded jar " + JAR + " exists (mvn package)");
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.writeString(chaport.resolve("operators.yaml"), """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.operators
                    parameters:
                      - {name: path, value: /operators}
                      - {name: schedule, value: 2s}
                """);
        progress(kind + ": creating the database and the sandbox");
        try (TestDatabase db = TestDatabases.create(kind, "cluster");
             SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(20))) {
            List<Node> nodes = new ArrayList<>();
            try {
                progress("starting two nodes");
                nodes.add(start("a", db, sandbox));
                nodes.add(start("b", db, sandbox));
                awaitStarted(nodes);
                progress("both nodes run their schedule");

                List<LoadRow> before = await("6 completed loads", Duration.ofSeconds(45), db, nodes,
                        loads -> completed(loads).size() >= 6);
                Map<String, Node> owners = owners(nodes, completed(before));
                assertRunsOncePerPeriod(completed(before), nodes);

                LoadRow latest = completed(before).get(completed(before).size() - 1);
                Node firing = owners.get(latest.id());
                Node survivor = nodes.stream().filter(n -> n != firing).findFirst().orElseThrow();
                progress("node " + firing.name() + " ran load " + latest.id() + ": killing it");
                Instant killed = Instant.now();
                firing.kill();

                List<LoadRow> after = await("a load started by node " + survivor.name() + " after node " + firing.name()
                        + " was killed", TAKEOVER, db, nodes, loads -> completed(loads).stream()
                        .anyMatch(l -> l.started().isAfter(killed) && survivor.loadIds().contains(l.id())));
                progress("node " + survivor.name() + " took over");
                LoadRow takeover = completed(after).stream().filter(l -> l.started().isAfter(killed)).findFirst().orElseThrow();
                Map<String, Node> allOwners = owners(nodes, completed(after));
                assertEquals(survivor, allOwners.get(takeover.id()), "the first load after the kill ran on node " + survivor.name());
                assertTrue(Duration.between(killed, takeover.started()).compareTo(TAKEOVER) < 0,
                        "node " + survivor.name() + " took over within " + TAKEOVER);
                assertFalse(completed(after).stream().anyMatch(l -> l.started().isAfter(killed) && allOwners.get(l.id()) == firing),
                        "no load after the kill ran on the killed node " + firing.name());
                // a load the kill cut short stays RUNNING: it ended with its node
                assertRunsOncePerPeriod(completed(after), nodes);
            } finally {
                for (Node node : nodes) {
                    node.process().destroyForcibly();
                    node.process().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void runWithTheClusterOnEmbeddedH2ExitsTwoWithOneLine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", JAR.toString(), "run").directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CHAPORT_") || k.startsWith("CHATFORMA_") || k.startsWith("CHATLOAD_"));
        pb.environment().putAll(Map.of("CHATLOAD_CLUSTER_ENABLED", "true", "CHAPORT_TOKEN", "t",
                "CHATLOAD_ROUTES", Path.of("routes").toAbsolutePath().toString()));
        Path err = dir.resolve("stderr.txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "run ended within 60 s");
        String output = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), output);
        List<String> errors = output.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(List.of("error: chatload.cluster.enabled=true needs a PostgreSQL or MariaDB destination that every node "
                + "reaches (chatload.db.url = jdbc:postgresql://host:5432/db or jdbc:mariadb://host:3306/db); an embedded H2 "
                + "database belongs to one process (run one node without the cluster)"), errors, output);
        assertFalse(output.contains("\tat "), "no stack trace");
    }

    /** Timestamps in the test's output file, for reading a slow run. */
    private static void progress(String what) {
        System.out.println(Instant.now() + " " + what);
    }

    private Node start(String name, TestDatabase db, SandboxServer sandbox) throws IOException {
        Path log = dir.resolve("node-" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder("java", "-Dchatload.cluster.enabled=true",
                "-Dchatload.cluster.checkin-interval-ms=1000", "-jar", JAR.toString(), "run")
                .directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CHAPORT_") || k.startsWith("CHATFORMA_") || k.startsWith("CHATLOAD_"));
        pb.environment().putAll(db.env());
        pb.environment().putAll(Map.of("CHATLOAD_ROUTES", dir.resolve("routes").toString(), "CHATLOAD_ROUTES_SHIPPED", "false",
                "CHAPORT_BASE_URL", sandbox.chaportBaseUrl(), "CHAPORT_TOKEN", sandbox.config().chaportToken(),
                "CHAPORT_REQUESTS_PER_SECOND", "0", "CHATLOAD_MANAGEMENT_PORT", "0"));
        return new Node(name, pb.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /**
     * The loads never overlap (a stateful trigger runs on one node at a time), and there are about as many as periods
     * went by: a firing on both nodes would double them. (A firing held back by a run still in progress starts late,
     * so two loads may start less than a period apart; each belongs to a period of its own.)
     */
    private static void assertRunsOncePerPeriod(List<LoadRow> loads, List<Node> nodes) {
        assertNoOverlap(loads);
        Duration span = Duration.between(loads.get(0).started(), loads.get(loads.size() - 1).started());
        long periods = span.toMillis() / PERIOD.toMillis() + 1;
        assertTrue(loads.size() <= periods + 1 && loads.size() >= periods / 2, loads.size() + " loads started within "
                + span.toMillis() + " ms, " + periods + " periods of " + PERIOD + ": not one per period\n" + describe(loads, nodes));
    }

    private static void assertNoOverlap(List<LoadRow> loads) {
        for (int i = 1; i < loads.size(); i++) {
            LoadRow previous = loads.get(i - 1);
            LoadRow next = loads.get(i);
            assertTrue(previous.finished() != null && !previous.finished().isAfter(next.started()), "load " + next.id()
                    + " started at " + next.started() + " while load " + previous.id() + " (started " + previous.started()
                    + ", finished " + previous.finished() + ") still ran");
        }
    }

    /** Which node ran each load, waiting (bounded) for its summary line, logged just after the ledger row is written. */
    private static Map<String, Node> owners(List<Node> nodes, List<LoadRow> loads) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Map<String, Node> owners = new java.util.HashMap<>();
            List<String> unclaimed = new ArrayList<>();
            for (LoadRow load : loads) {
                List<Node> claimants = nodes.stream().filter(n -> n.loadIds().contains(load.id())).toList();
                assertTrue(claimants.size() <= 1, "load " + load.id() + " appears in the logs of " + claimants.size() + " nodes");
                if (claimants.isEmpty()) {
                    unclaimed.add(load.id());
                } else {
                    owners.put(load.id(), claimants.get(0));
                }
            }
            if (unclaimed.isEmpty()) {
                return owners;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("loads " + unclaimed + " are in the ledger but in no node's log\n" + describe(loads, nodes));
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits (bounded by {@link #START}) until each node has joined the cluster, as its log says: a JVM's start takes
     * seconds, or many on a busy machine, and the periods counted afterwards should not include it.
     */
    private static void awaitStarted(List<Node> nodes) throws InterruptedException {
        Instant deadline = Instant.now().plus(START);
        for (Node node : nodes) {
            while (!node.logText().contains("shares its triggers through schema")) {
                if (!node.process().isAlive()) {
                    fail("node " + node.name() + " exited " + node.process().exitValue() + ":\n" + node.logText());
                }
                if (Instant.now().isAfter(deadline)) {
                    fail("node " + node.name() + " did not join the cluster within " + START + ":\n" + node.logText());
                }
                Thread.sleep(250);
            }
        }
    }

    /** Polls the ledger until {@code done} holds, or fails after {@code limit} showing the nodes' logs. */
    private static List<LoadRow> await(String what, Duration limit, TestDatabase db, List<Node> nodes,
                                       Predicate<List<LoadRow>> done) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        List<LoadRow> loads = List.of();
        while (Instant.now().isBefore(deadline)) {
            for (Node node : nodes) {
                if (!node.process().isAlive() && node.process().exitValue() != 137 && node.process().exitValue() != 9) {
                    fail("node " + node.name() + " exited " + node.process().exitValue() + ":\n" + node.logText());
                }
            }
            loads = loads(db);
            if (done.test(loads)) {
                return loads;
            }
            Thread.sleep(250);
        }
        fail("waited " + limit + " for " + what + "\n" + describe(loads, nodes));
        return loads;
    }

    private static List<LoadRow> loads(TestDatabase db) throws SQLException {
        List<LoadRow> loads = new ArrayList<>();
        String url = ClusterDatabase.of(db.url()).driverUrl(db.url());
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                    + db.schema("chaport_data") + "' AND table_name = '_chatload_loads'")) {
                exists.next();
                if (exists.getInt(1) == 0) {
                    return loads;
                }
            }
            try (ResultSet r = s.executeQuery(db.sql("SELECT load_id, status, started_at, finished_at FROM chaport_data._chatload_loads"
                    + " ORDER BY started_at"))) {
                while (r.next()) {
                    loads.add(new LoadRow(r.getString(1), r.getString(2), instant(db, r, 3), instant(db, r, 4)));
                }
            }
        }
        return loads;
    }

    /** PostgreSQL's timestamptz, or MariaDB's DATETIME, which holds UTC in chatload's tables. */
    private static Instant instant(TestDatabase db, ResultSet r, int column) throws SQLException {
        if (db.kind() == Kind.MARIADB) {
            LocalDateTime utc = r.getObject(column, LocalDateTime.class);
            return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static List<LoadRow> completed(List<LoadRow> loads) {
        return loads.stream().filter(l -> l.status().equals("COMPLETED")).toList();
    }

    private static String describe(List<LoadRow> loads, List<Node> nodes) {
        String rows = loads.stream().map(l -> "  " + l.id() + " " + l.status() + " " + l.started() + " .. " + l.finished() + " "
                + Optional.ofNullable(nodes.stream().filter(n -> n.loadIds().contains(l.id())).map(Node::name)
                        .collect(Collectors.joining(","))).orElse("")).collect(Collectors.joining("\n"));
        String logs = nodes.stream().map(n -> "--- node " + n.name() + " ---\n" + n.logText()).collect(Collectors.joining("\n"));
        return "ledger:\n" + rows + "\n" + logs;
    }
}
