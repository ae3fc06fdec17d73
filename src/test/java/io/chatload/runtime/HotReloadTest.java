package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.routes.ResourceSpec;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.TriggerKey;

/**
 * {@code run} with hot reload: a resource file added, edited or removed under {@code routes/} takes effect while the
 * other routes keep running; a broken file is one line in the log and changes nothing until it is fixed.
 */
class HotReloadTest {

    private static final long DEADLINE_MS = 30_000;

    private static SandboxServer sandbox;

    @TempDir
    Path dir;

    private Path chaport;
    private PrintStream originalErr;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** The log (slf4j-simple writes to System.err), to find the reloader's lines in. */
    @BeforeEach
    void captureLog() throws Exception {
        originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        // the route that must keep running whatever happens to the other files
        write("operators.yaml", resource("chaport.operators", "path", "/operators", "schedule", "1s"));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
        originalErr.print(log.toString(StandardCharsets.UTF_8));
    }

    private TestPipeline start(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("chatload.management.port", "0",
                "chatload.routes.reload-interval-ms", "200"));
        settings.putAll(overrides);
        return TestPipeline.scheduled(TestPipeline.config(sandbox, dir, dir.resolve("routes"), settings));
    }

    @Test
    void addingEditingAndRemovingAFileChangesOnlyItsRoute() throws Exception {
        try (TestPipeline p = start(Map.of())) {
            Route operators = p.runtime.context().getRoute("chaport.operators");
            NotifyBuilder operatorRuns = new NotifyBuilder(p.runtime.context()).fromRoute("chaport.operators")
                    .wereSentTo("direct://chatload-run").whenCompleted(1).create();
            assertTrue(operatorRuns.matches(60, TimeUnit.SECONDS), "chaport.operators ran before the changes");

            write("team.yaml", resource("chaport.team", "path", "/operators", "table", "agents", "schedule", "1s"));
            awaitLog("routes/chaport/team.yaml: loaded chaport.team");
            assertEquals(ServiceStatus.Started, p.runtime.context().getRouteController().getRouteStatus("chaport.team"));
            await("the new resource's trigger filled chaport_data.agents",
                    () -> rows(p, "agents") == sandbox.data().chaportOperators().size());
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "agents", "id", sandbox.data().chaportOperators());

            write("team.yaml", resource("chaport.team", "path", "/operators", "table", "team", "schedule", "2s"));
            awaitLog("routes/chaport/team.yaml: reloaded chaport.team");
            ResourceSpec edited = p.runtime.catalog().get("chaport.team");
            assertEquals("team", edited.table());
            assertEquals(2_000, edited.schedule().intervalMs());
            assertTrue(p.runtime.context().getRoute("chaport.team").getEndpoint().getEndpointUri().contains("repeatInterval=2000"),
                    p.runtime.context().getRoute("chaport.team").getEndpoint().getEndpointUri());
            await("the edited resource loaded its new table", () -> rows(p, "team") == sandbox.data().chaportOperators().size());

            Files.delete(chaport.resolve("team.yaml"));
            awaitLog("routes/chaport/team.yaml: removed chaport.team");
            assertNull(p.runtime.context().getRoute("chaport.team"), "the removed file's route is gone");
            assertTrue(p.runtime.catalog().all().stream().noneMatch(s -> s.id().equals("chaport.team")), "and its resource");
            QuartzComponent quartz = p.runtime.context().getComponent("quartz", QuartzComponent.class);
            assertFalse(quartz.getScheduler().checkExists(TriggerKey.triggerKey("chaport.team", "chatload")), "and its trigger");

            assertOperatorsKeptRunning(p, operators);
        }
    }

    @Test
    void aBrokenFileIsOneLineAndChangesNothingUntilItIsFixed() throws Exception {
        write("team.yaml", resource("chaport.team", "path", "/operators", "table", "agents"));
        try (TestPipeline p = start(Map.of())) {
            Route operators = p.runtime.context().getRoute("chaport.operators");
            Route team = p.runtime.context().getRoute("chaport.team");
            ResourceSpec spec = p.runtime.catalog().get("chaport.team");

            write("team.yaml", "- templatedRoute:\n    routeTemplateRef: chatload-resource\n   routeId: [chaport.team\n");
            String invalidYaml = awaitLog("routes/chaport/team.yaml: not reloaded");
            assertUnchanged(p, team, spec, invalidYaml);

            write("team.yaml", resource("chaport.team", "path", "/operators", "tabel", "agents"));
            assertUnchanged(p, team, spec, awaitLog("unknown parameter 'tabel'"));

            write("team.yaml", resource("chaport.team", "path", "/operators", "schedule", "sometimes"));
            assertUnchanged(p, team, spec, awaitLog("schedule 'sometimes' is neither"));

            write("details.yaml", resource("chaport.details", "parent", "nobody", "path", "/operators/{parent.id}"));
            awaitLog("routes/chaport/details.yaml: not reloaded, resource chaport.details: its parent chaport.nobody is not declared");
            assertNull(p.runtime.context().getRoute("chaport.details"));

            write("copy.yaml", resource("chaport.operators", "path", "/operators", "table", "copies"));
            awaitLog("routes/chaport/copy.yaml: not reloaded, routeId chaport.operators is already declared in "
                    + "routes/chaport/operators.yaml");
            assertSame(operators, p.runtime.context().getRoute("chaport.operators"), "the other file's route stayed");
            assertEquals("operators", p.runtime.catalog().get("chaport.operators").table());

            write("team.yaml", resource("chaport.team", "path", "/operators", "table", "fixed"));
            awaitLog("routes/chaport/team.yaml: reloaded chaport.team");
            assertEquals("fixed", p.runtime.catalog().get("chaport.team").table());
            assertEquals(1, count("unknown parameter 'tabel'"), "a refused file is reported once, not at every look");
            assertOperatorsKeptRunning(p, operators);
        }
    }

    @Test
    void aChildWaitingForItsParentLoadsWhenTheParentArrives() throws Exception {
        try (TestPipeline p = start(Map.of())) {
            write("team_member.yaml", resource("chaport.team_member", "parent", "team", "path", "/operators/{parent.id}",
                    "table", "team_members"));
            awaitLog("routes/chaport/team_member.yaml: not reloaded, resource chaport.team_member: its parent chaport.team");
            write("team.yaml", resource("chaport.team", "path", "/operators", "table", "agents"));
            awaitLog("routes/chaport/team.yaml: loaded chaport.team");
            awaitLog("routes/chaport/team_member.yaml: loaded chaport.team_member");

            // a renamed file keeps its routes, even a parent's
            Files.move(chaport.resolve("team.yaml"), chaport.resolve("unit.yaml"));
            awaitLog("routes/chaport/unit.yaml: loaded chaport.team (moved from routes/chaport/team.yaml)");
            assertEquals(ServiceStatus.Started, p.runtime.context().getRouteController().getRouteStatus("chaport.team"));

            Files.delete(chaport.resolve("unit.yaml"));
            awaitLog("routes/chaport/unit.yaml: not reloaded, resource chaport.team_member names chaport.team as its parent");
            assertNotNull(p.runtime.context().getRoute("chaport.team"), "a parent stays while a child names it");
            Files.delete(chaport.resolve("team_member.yaml"));
            awaitLog("routes/chaport/team_member.yaml: removed chaport.team_member");
            awaitLog("routes/chaport/unit.yaml: removed chaport.team");

            // a folder holding both, moved in and out at once
            Path squad = Files.createDirectories(dir.resolve("squad"));
            Files.writeString(squad.resolve("team.yaml"), resource("chaport.team", "path", "/operators", "table", "agents"));
            Files.writeString(squad.resolve("team_member.yaml"), resource("chaport.team_member", "parent", "team",
                    "path", "/operators/{parent.id}", "table", "team_members"));
            Files.move(squad, chaport.resolve("squad"));
            awaitLog("routes/chaport/squad/team_member.yaml: loaded chaport.team_member");
            Files.move(chaport.resolve("squad"), squad);
            awaitLog("routes/chaport/squad/team_member.yaml: removed chaport.team_member");
            awaitLog("routes/chaport/squad/team.yaml: removed chaport.team");
            assertEquals(0, count("routes/chaport/team.yaml: not reloaded"), "a rename is not a conflict");
            assertEquals(0, count("squad/team.yaml: not reloaded") + count("squad/team_member.yaml: not reloaded"),
                    "nor a folder added or removed whole");
        }
    }

    @Test
    void anXmlFileReloadsLikeAYamlOne() throws Exception {
        try (TestPipeline p = start(Map.of())) {
            write("team.xml", xml("agents"));
            awaitLog("routes/chaport/team.xml: loaded chaport.team");
            write("team.xml", xml("team"));
            awaitLog("routes/chaport/team.xml: reloaded chaport.team");
            assertEquals("team", p.runtime.catalog().get("chaport.team").table());
            write("team.xml", xml("team").replace("</templatedRoutes>", ""));
            awaitLog("routes/chaport/team.xml: not reloaded");
            assertEquals("team", p.runtime.catalog().get("chaport.team").table());
        }
    }

    @Test
    void editedDefaultsReloadTheResourcesOfTheirSource() throws Exception {
        try (TestPipeline p = start(Map.of())) {
            Route operators = p.runtime.context().getRoute("chaport.operators");
            write("team.yaml", resource("chaport.team", "path", "/operators", "table", "agents"));
            awaitLog("routes/chaport/team.yaml: loaded chaport.team");
            assertEquals("0 0/15 * * * ?", p.runtime.catalog().get("chaport.team").schedule().text());

            write("_source.yaml", Files.readString(chaport.resolve("_source.yaml")).replace("0 0/15 * * * ?", "0 0/5 * * * ?"));
            awaitLog("routes/chaport/_source.yaml: reloaded the defaults");
            // each once it is idle: the resource is briefly unknown while its routes are replaced
            awaitLog("routes/chaport/team.yaml: reloaded chaport.team");
            assertEquals("0 0/5 * * * ?", p.runtime.catalog().get("chaport.team").schedule().text(), "the new default schedule");
            awaitLog("routes/chaport/operators.yaml: reloaded chaport.operators");
            assertEquals("1s", p.runtime.catalog().get("chaport.operators").schedule().text(), "its own schedule wins");
            assertTrue(p.runtime.context().getRoute("chaport.operators") != operators, "chaport.operators was reloaded too");
            NotifyBuilder fires = new NotifyBuilder(p.runtime.context()).fromRoute("chaport.operators")
                    .wereSentTo("direct://chatload-run").whenCompleted(2).create();
            assertTrue(fires.matches(30, TimeUnit.SECONDS), "the reloaded trigger fires on its unchanged schedule");
        }
    }

    @Test
    void aChangeWaitsForTheRunInProgressToFinish() throws Exception {
        write("team.yaml", resource("chaport.team", "path", "/operators", "table", "agents", "schedule", "1s"));
        try (SandboxServer slow = SandboxServer.start(SandboxConfig.defaults().withLatencyMs(5_000));
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(slow, dir, dir.resolve("routes"),
                     Map.of("chatload.management.port", "0", "chatload.routes.reload-interval-ms", "200")))) {
            await("a run of chaport.team is in progress",
                    () -> p.runtime.context().getInflightRepository().size("chaport.team") > 0);
            write("team.yaml", resource("chaport.team", "path", "/operators", "table", "team", "schedule", "1s"));
            awaitLog("routes/chaport/team.yaml: changed, waiting for the run of chaport.team to finish");
            awaitLog("routes/chaport/team.yaml: reloaded chaport.team");
            assertEquals("team", p.runtime.catalog().get("chaport.team").table());
            assertTrue(p.scheduledLoads.stream().noneMatch(load -> load.failed()),
                    "the run in progress finished normally: " + p.scheduledLoads);
            assertTrue(p.scheduledLoads.stream().anyMatch(load -> String.join("\n", load.lines()).contains("chaport.team")),
                    "and reported its load: " + p.scheduledLoads);
        }
    }

    @Test
    void aFolderFileReplacesTheShippedOneOfItsNameAndItsRemovalBringsTheShippedOneBack() throws Exception {
        // the folder's operators.yaml (every 1s) replaces the shipped one from the start
        try (TestPipeline p = start(Map.of("chatload.routes.shipped", "true"))) {
            assertEquals("1s", p.runtime.catalog().get("chaport.operators").schedule().text());
            assertNotNull(p.runtime.catalog().get("chaport.visitors"), "the other shipped files loaded too");

            Files.delete(chaport.resolve("operators.yaml"));
            awaitLog("shipped chaport/operators.yaml: reloaded chaport.operators");
            assertEquals("0 0/15 * * * ?", p.runtime.catalog().get("chaport.operators").schedule().text(), "the shipped file's");
            assertEquals("operators", p.runtime.catalog().get("chaport.operators").table());

            write("operators.yaml", resource("chaport.operators", "path", "/operators", "table", "agents"));
            awaitLog("routes/chaport/operators.yaml: reloaded chaport.operators");
            assertEquals("agents", p.runtime.catalog().get("chaport.operators").table());
            assertEquals(0, count("removed chaport.operators"), "replaced, never missing");
        }
    }

    @Test
    void offWhenTurnedOffAndNeverInRunOnce() throws Exception {
        try (TestPipeline p = start(Map.of("chatload.routes.reload", "false"))) {
            assertTrue(p.runtime.context().getLifecycleStrategies().stream().noneMatch(RoutesReloader.class::isInstance));
        }
        try (TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, dir.resolve("routes"), Map.of()))) {
            assertTrue(p.runtime.context().getLifecycleStrategies().stream().noneMatch(RoutesReloader.class::isInstance));
        }
        try (TestPipeline p = start(Map.of())) {
            assertTrue(p.runtime.context().getLifecycleStrategies().stream().anyMatch(RoutesReloader.class::isInstance),
                    "on by default in run");
        }
    }

    /** The route of the untouched file is the same route, started since before the changes, and still firing. */
    private static void assertOperatorsKeptRunning(TestPipeline p, Route before) {
        Route now = p.runtime.context().getRoute("chaport.operators");
        assertSame(before, now, "chaport.operators was never replaced");
        assertEquals(ServiceStatus.Started, p.runtime.context().getRouteController().getRouteStatus("chaport.operators"));
        long uptime = now.getUptimeMillis();
        NotifyBuilder next = new NotifyBuilder(p.runtime.context()).fromRoute("chaport.operators")
                .wereSentTo("direct://chatload-run").whenCompleted(1).create();
        assertTrue(next.matches(30, TimeUnit.SECONDS), "chaport.operators still fires");
        assertTrue(now.getUptimeMillis() > uptime, "its uptime kept growing");
    }

    private static void assertUnchanged(TestPipeline p, Route team, ResourceSpec spec, String line) {
        assertFalse(line.contains("\tat ") || line.contains("Exception"), "one line, no stack trace: " + line);
        assertTrue(line.endsWith("the routes already running are unchanged"), line);
        assertSame(team, p.runtime.context().getRoute("chaport.team"), "the running route stayed");
        assertEquals(ServiceStatus.Started, p.runtime.context().getRouteController().getRouteStatus("chaport.team"));
        assertSame(spec, p.runtime.catalog().get("chaport.team"), "and so did its resource");
    }

    private void write(String file, String content) throws Exception {
        // written beside and moved in, as an editor saves: the reloader never sees half a file here
        Path tmp = Files.writeString(dir.resolve(file + ".tmp"), content);
        Files.move(tmp, chaport.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String resource(String routeId, String... parameters) {
        StringBuilder yaml = new StringBuilder("- templatedRoute:\n    routeTemplateRef: chatload-resource\n    routeId: "
                + routeId + "\n    parameters:\n");
        for (int i = 0; i < parameters.length; i += 2) {
            yaml.append("      - {name: ").append(parameters[i]).append(", value: \"").append(parameters[i + 1]).append("\"}\n");
        }
        return yaml.toString();
    }

    private static String xml(String table) {
        return """
                <templatedRoutes xmlns="http://camel.apache.org/schema/xml-io">
                    <templatedRoute routeTemplateRef="chatload-resource" routeId="chaport.team">
                        <parameter name="path" value="/operators"/>
                        <parameter name="table" value="%s"/>
                    </templatedRoute>
                </templatedRoutes>
                """.formatted(table);
    }

    private static long rows(TestPipeline p, String table) {
        try {
            return Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM chaport_data." + table);
        } catch (Exception e) {
            return -1; // not created yet
        }
    }

    /** Waits for a log line containing {@code text} and returns that line. */
    private String awaitLog(String text) {
        String[] found = new String[1];
        await("a log line with '" + text + "'", () -> {
            List<String> lines = log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).toList();
            found[0] = lines.isEmpty() ? null : lines.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    private long count(String text) {
        return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).count();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + DEADLINE_MS / 1000 + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
