package io.chatload.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.plugin.VendorPlugin;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chatload in a Camel Main host, as its properties configure it: a load as the host starts (no waiting for the
 * schedule), and an on-demand load that never overlaps the Quartz trigger's run of the same resource.
 */
class CamelMainHostTest {

    private static final String OPERATORS = """
            - templatedRoute:
                routeTemplateRef: chatload-resource
                routeId: chaport.operators
                parameters:
                  - {name: path, value: /operators}
                  - {name: schedule, value: "%s"}
            """;

    @TempDir
    Path dir;

    private Main host(SandboxServer sandbox, String schedule, boolean loadOnStart) throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.writeString(chaport.resolve("operators.yaml"), OPERATORS.formatted(schedule));
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addInitialProperty("camel.main.configuration-classes", ChatloadConfiguration.class.getName());
        main.addInitialProperty("chatload.routes", dir.resolve("routes").toString());
        main.addInitialProperty("chatload.routes.shipped", "false");
        main.addInitialProperty("chatload.db.url", dbUrl());
        main.addInitialProperty("chatload.chaport.base-url", sandbox.chaportBaseUrl());
        main.addInitialProperty("chatload.chaport.token", sandbox.config().chaportToken());
        main.addInitialProperty("chatload.chaport.requests-per-second", "0");
        main.addInitialProperty("chatload.chatforma.api-key", "");
        main.addInitialProperty("chatload.load-on-start", Boolean.toString(loadOnStart));
        return main;
    }

    @Test
    void theHostLoadsAsItStartsWithoutWaitingForTheSchedule() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(3))) {
            Main main = host(sandbox, "0 0 0 1 1 ? 2099", true);
            main.start();
            try {
                List<Load> loads = awaitLoads(1, false);
                assertEquals("COMPLETED", loads.get(0).status());
                assertNull(main.getCamelContext().getRoute("chaport.messages"), "no outbox the host did not ask for");
                ExpectedTable.chaport(sandbox.data()).stream().filter(t -> t.name().equals("chaport_data.operators"))
                        .findFirst().orElseThrow().assertLoaded(database());
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aHostThatAsksForTheOutboxesGetsThem() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(1))) {
            Main main = host(sandbox, "0 0 0 1 1 ? 2099", false);
            main.addInitialProperty("chatload.outbox.enabled", "true");
            main.start();
            try {
                assertNotNull(main.getCamelContext().getRoute("chaport.messages"), "the Chaport outbox's trigger");
            } finally {
                main.stop();
            }
        }
    }

    /** A vendor plug-in in the host's registry replaces the shipped one: this one has no outbox to serve. */
    @Test
    void aHostsOwnVendorPlugInReplacesTheShippedOne() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(1))) {
            Main main = host(sandbox, "0 0 0 1 1 ? 2099", false);
            main.addInitialProperty("chatload.outbox.enabled", "true");
            VendorPlugin withoutOutbox = () -> "chaport";
            main.bind("hostChaportPlugin", withoutOutbox);
            main.start();
            try {
                assertNotNull(main.getCamelContext().getRoute("chaport.operators"), "the vendor's YAML still loads");
                assertNull(main.getCamelContext().getRoute("chaport.messages"), "the host's plug-in makes no outbox");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void withSchedulesOffNoTriggerRunsYetAnOnDemandLoadDoes() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(1))) {
            Main main = host(sandbox, "1s", false);
            main.addInitialProperty("chatload.schedules.enabled", "false");
            main.start();
            try (ProducerTemplate producer = main.getCamelContext().createProducerTemplate()) {
                assertFalse(main.getCamelContext().getRouteController().getRouteStatus("chaport.operators").isStarted(),
                        "the resource's Quartz trigger is not started");
                LoadSummary onDemand = producer.requestBody(ChatloadRoutes.LOAD, "chaport.operators", LoadSummary.class);
                assertFalse(onDemand.failed(), String.join("\n", onDemand.lines()));
                assertEquals(1, finishedLoads().size(), "the on-demand load alone");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void anOnDemandLoadWaitsForTheScheduledRunOfTheSameResource() throws Exception {
        // a slow API that counts the requests it is answering at once; the trigger fires every second
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.setExecutor(Executors.newCachedThreadPool());
        api.createContext("/api/v1/operators", exchange -> {
            requests.incrementAndGet();
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1500);
                byte[] body = "{\"result\":[{\"id\":\"op1\",\"name\":\"Ann\"}]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        api.start();
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(1))) {
            Main main = host(sandbox, "1s", false);
            main.addInitialProperty("chatload.chaport.base-url", "http://127.0.0.1:" + api.getAddress().getPort() + "/api/v1");
            main.start();
            try (ProducerTemplate producer = main.getCamelContext().createProducerTemplate()) {
                awaitLoads(1, true); // the trigger's run is in progress
                LoadSummary onDemand = producer.requestBody(ChatloadRoutes.LOAD, "chaport.operators", LoadSummary.class);
                assertFalse(onDemand.failed(), String.join("\n", onDemand.lines()));
            } finally {
                main.stop();
            }
        } finally {
            api.stop(0);
        }
        assertTrue(requests.get() >= 2, "the trigger's run and the on-demand one both asked: " + requests.get());
        assertEquals(1, mostAtOnce.get(), "runs of one resource never overlap");
    }

    record Load(String id, String status, Timestamp started, Timestamp finished) {
    }

    /** Waits (at most 60 s) for {@code count} loads in the ledger: finished ones, or with {@code running} any. */
    private List<Load> awaitLoads(int count, boolean running) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Load> loads = running ? allLoads() : finishedLoads();
            if (loads.size() >= count) {
                return loads;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + count + " loads within 60 s: " + allLoads());
    }

    private List<Load> finishedLoads() throws SQLException {
        return allLoads().stream().filter(l -> !l.status().equals("RUNNING")).toList();
    }

    private List<Load> allLoads() throws SQLException {
        List<Load> loads = new ArrayList<>();
        try (Connection c = database().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT \"load_id\", \"status\", \"started_at\", \"finished_at\" "
                     + "FROM \"chaport_data\".\"_chatload_loads\" ORDER BY \"started_at\"")) {
            while (rs.next()) {
                loads.add(new Load(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4)));
            }
        } catch (SQLException e) {
            if (!e.getMessage().contains("not found")) {
                throw e;
            }
            // the ledger appears with the first load
        }
        return loads;
    }

    private String dbUrl() {
        return "jdbc:h2:file:" + dir.resolve("host-db").toAbsolutePath();
    }

    private JdbcDataSource database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(dbUrl() + ";DATABASE_TO_LOWER=TRUE");
        return db;
    }
}
