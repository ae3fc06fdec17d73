package io.chatload.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ConfigException;
import io.chatload.embed.ChatloadRoutes;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * chatload in a Camel Spring Boot host (Spring Boot 3.5.10, camel-spring-boot 4.18.0) that has chatload on its
 * classpath and its settings in its own properties file only: the auto-configuration adds chatload to the host's
 * CamelContext, the settings come from Spring's Environment key by key, the load-on-start switch loads the sandbox
 * into the database the host named, and a host without credentials fails at start in one line.
 */
class SpringBootHostTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostApplication {
    }

    private static SandboxServer sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(3));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** The host's routes folder: Chaport's shipped defaults and the operators. */
    private void routes() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("app-routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.copy(Path.of("routes/chaport/operators.yaml"), chaport.resolve("operators.yaml"));
    }

    private ConfigurableApplicationContext startHost(Map<String, Object> overrides) {
        Map<String, Object> given = new HashMap<>(Map.of(
                // the host's properties file (chatload's own application.properties is on this test classpath)
                "spring.config.name", "host", "spring.config.location", "classpath:/spring-host/",
                "host.dir", dir.toAbsolutePath().toString(), "sandbox.url", sandbox.baseUrl(),
                "sandbox.chaport-token", sandbox.config().chaportToken()));
        given.putAll(overrides);
        return new SpringApplicationBuilder(HostApplication.class).properties(given).run();
    }

    @Test
    void theHostsPropertiesAloneLoadTheSandboxOnStartIntoTheHostNamedDatabase() throws Exception {
        routes();
        try (ConfigurableApplicationContext host = startHost(Map.of())) {
            CamelContext camel = host.getBean(CamelContext.class);
            assertNotNull(camel.getRegistry().lookupByName(ChatloadRoutes.BEAN), "chatload is in the host's CamelContext");

            assertEquals("COMPLETED", awaitFirstLoad());
            operatorsTable().assertLoaded(database());
            assertFalse(Files.exists(Path.of("chatload.mv.db").toAbsolutePath()) && Files.getLastModifiedTime(
                    Path.of("chatload.mv.db")).toMillis() > System.currentTimeMillis() - 60_000,
                    "no database in the working folder: the host named its own");
        }
    }

    @Test
    void aHostWithoutCredentialsFailsAtStartInOneLine() throws Exception {
        routes();
        Exception e = assertThrows(Exception.class, () -> startHost(Map.of("sandbox.chaport-token", "")).close());

        ConfigException cause = cause(e);
        assertEquals("chatload has no enabled source, so it would load nothing: set chatload.chaport.token in the "
                + "application's properties or environment", cause.getMessage());
    }

    @Test
    void chatloadEnabledFalseLeavesTheHostAlone() throws Exception {
        try (ConfigurableApplicationContext host = startHost(Map.of("chatload.enabled", "false"))) {
            CamelContext camel = host.getBean(CamelContext.class);
            assertTrue(camel.getRegistry().lookupByName(ChatloadRoutes.BEAN) == null, "chatload stays out");
        }
    }

    private static ConfigException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) {
                return c;
            }
        }
        throw new AssertionError("no ConfigException in " + e, e);
    }

    /** The status of the load that load-on-start began, once it has finished (the load runs beside the host's start). */
    private String awaitFirstLoad() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = database().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT status FROM chaport_data._chatload_loads WHERE status <> 'RUNNING'")) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            } catch (SQLException notYetCreated) {
                // the ledger table appears with the first load
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no load finished within 60 s of the host's start");
    }

    private static ExpectedTable operatorsTable() {
        return ExpectedTable.chaport(sandbox.data()).stream()
                .filter(t -> t.name().equals("chaport_data.operators")).findFirst().orElseThrow();
    }

    private JdbcDataSource database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve("host-db").toAbsolutePath() + ";AUTO_SERVER=TRUE");
        return db;
    }
}
