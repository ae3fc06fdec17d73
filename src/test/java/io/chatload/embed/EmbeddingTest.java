package io.chatload.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ConfigException;
import io.chatload.engine.LoadSummary;
import io.chatload.engine.ResourceOutcome;
import io.chatload.engine.RunOutcome;
import io.chatload.engine.RunRequest;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chatload inside an application's own CamelContext, not chatload's runtime: one resource file in a folder the
 * application names, the chatload.* settings in the application's properties, one call, and the database compared
 * with the sandbox's truth.
 */
class EmbeddingTest {

    private static final String OPERATORS = """
            - templatedRoute:
                routeTemplateRef: chatload-resource
                routeId: chaport.operators
                parameters:
                  - {name: path, value: /operators}
                  - {name: schedule, value: %s}
            """;

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

    /** The application's routes folder: Chaport's shipped defaults and one resource, the operators. */
    private Path routes(String schedule) throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("app-routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.writeString(chaport.resolve("operators.yaml"), OPERATORS.formatted(schedule));
        return chaport.getParent();
    }

    /** The chatload.* settings as an application's properties hold them. */
    private Properties settings(Path routes) {
        Properties p = new Properties();
        p.setProperty("chatload.routes", routes.toString());
        p.setProperty("chatload.db.url", dbUrl());
        p.setProperty("chatload.chaport.base-url", sandbox.chaportBaseUrl());
        p.setProperty("chatload.chaport.token", sandbox.config().chaportToken());
        p.setProperty("chatload.chaport.requests-per-second", "0");
        return p;
    }

    private String dbUrl() {
        return "jdbc:h2:file:" + dir.resolve("app-db").toAbsolutePath();
    }

    private DefaultCamelContext host(Properties settings) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(settings);
        return context;
    }

    /** Only Chaport is under test: a Chatforma key in this machine's environment must not enable its outbox. */
    private static final Map<String, String> NO_CHATFORMA = Map.of("chatload.chatforma.api-key", "");

    @Test
    void theHostTriggersALoadFromItsOwnRouteAndTheTableEqualsTheTruth() throws Exception {
        CamelContext context = host(settings(routes("0 0 0 1 1 ? 2099")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refresh-operators").routeId("host-refresh")
                        .setBody(constant("operators"))
                        .to(ChatloadRoutes.LOAD);
            }
        });
        ChatloadRoutes chatload = ChatloadRoutes.install(context, NO_CHATFORMA);
        context.start();
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            LoadSummary summary = producer.requestBody("direct:refresh-operators", null, LoadSummary.class);

            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertEquals(List.of("chaport.operators"), summary.outcomes().stream().map(ResourceOutcome::resource).toList());
            operatorsTable().assertLoaded(database());
            assertSame(chatload, context.getRegistry().lookupByNameAndType(ChatloadRoutes.BEAN, ChatloadRoutes.class));
            assertTrue(context.getRouteController().getRouteStatus("chaport.operators").isStarted(),
                    "the resource's trigger route runs in the host's context");
        } finally {
            context.stop();
        }
    }

    @Test
    void aResourceRunsOnItsQuartzScheduleWhileTheHostsOwnRouteKeepsRunning() throws Exception {
        CamelContext context = host(settings(routes("1s")));
        AtomicInteger ticks = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:host-tick?period=100").routeId("host-tick").process(exchange -> ticks.incrementAndGet());
            }
        });
        ChatloadRoutes.install(context, NO_CHATFORMA);
        NotifyBuilder twoRuns = new NotifyBuilder(context).fromRoute("chaport.operators")
                .wereSentTo("direct://chatload-run").whenCompleted(2).create();
        context.start();
        try {
            assertTrue(twoRuns.matches(60, TimeUnit.SECONDS), "the resource's trigger fired twice within 60 s");
            int before = ticks.get();
            NotifyBuilder moreTicks = new NotifyBuilder(context).fromRoute("host-tick").whenCompleted(3).create();
            assertTrue(moreTicks.matches(10, TimeUnit.SECONDS), "the host's own route still runs: " + before + " ticks");
            operatorsTable().assertLoaded(database());
        } finally {
            context.stop();
        }
    }

    @Test
    void aContextAlreadyRunningGetsChatloadToo() throws Exception {
        CamelContext context = host(settings(routes("0 0 0 1 1 ? 2099")));
        context.start();
        try {
            ChatloadRoutes chatload = ChatloadRoutes.install(context, NO_CHATFORMA);
            LoadSummary summary = chatload.runOnce("chaport.operators");

            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            operatorsTable().assertLoaded(database());
        } finally {
            context.stop();
        }
    }

    @Test
    void aHostStartsOneRunWithATypedRequestAndGetsItsOutcome() throws Exception {
        CamelContext context = host(settings(routes("0 0 0 1 1 ? 2099")));
        ChatloadRoutes chatload = ChatloadRoutes.install(context, NO_CHATFORMA);
        context.start();
        try {
            RunOutcome run = chatload.runs().start(RunRequest.of("chaport.operators"));

            assertTrue(run.complete(), String.valueOf(run));
            assertFalse(run.failed(), run.outcome().error());
            assertEquals(sandbox.data().chaportOperators().size(), run.outcome().records());
            // the run had a load of its own: its summary, and its ledger row, name only this resource
            assertEquals(List.of("chaport.operators"), run.summary().outcomes().stream().map(ResourceOutcome::resource).toList());
            assertFalse(run.summary().failed(), String.join("\n", run.summary().lines()));
            operatorsTable().assertLoaded(database());
        } finally {
            context.stop();
        }
    }

    @Test
    void aHostsRouteRunsAResourceBySendingItsIdToTheRunEndpoint() throws Exception {
        CamelContext context = host(settings(routes("0 0 0 1 1 ? 2099")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:operators-now").routeId("host-operators-now")
                        .setBody(constant("chaport.operators"))
                        .to("direct:chatload-run");
            }
        });
        ChatloadRoutes.install(context, NO_CHATFORMA);
        context.start();
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            RunOutcome run = producer.requestBody("direct:operators-now", null, RunOutcome.class);

            assertTrue(run.complete(), String.valueOf(run));
            assertEquals("chaport.operators", run.outcome().resource());
            operatorsTable().assertLoaded(database());
        } finally {
            context.stop();
        }
    }

    @Test
    void aHostOnCamelMainNeedsOnlyTheConfigurationClassInItsProperties() throws Exception {
        Main main = new Main();
        // a host's classpath has its own application.properties; this one has chatload's (the library jar leaves it out)
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addInitialProperty("camel.main.configuration-classes", ChatloadConfiguration.class.getName());
        settings(routes("0 0 0 1 1 ? 2099")).forEach((key, value) -> main.addInitialProperty((String) key, (String) value));
        main.addInitialProperty("chatload.chatforma.api-key", "");
        main.start();
        try (ProducerTemplate producer = main.getCamelContext().createProducerTemplate()) {
            LoadSummary summary = producer.requestBody(ChatloadRoutes.LOAD, "chaport.operators", LoadSummary.class);

            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            operatorsTable().assertLoaded(database());
        } finally {
            main.stop();
        }
    }

    @Test
    void aMissingRoutesFolderFailsInOneLineAndLeavesTheHostAsItWas() {
        Path missing = dir.resolve("no-such-folder");
        DefaultCamelContext context = host(settings(missing));

        ConfigException e = assertThrows(ConfigException.class, () -> ChatloadRoutes.install(context, NO_CHATFORMA));

        assertEquals("chatload.routes = '" + missing + "' is not a folder: set chatload.routes to the folder of your "
                + "resource files, or remove it to use the ones shipped in chatload's jar", e.getMessage());
        assertEquals(0, context.getRoutes().size() + context.getRouteDefinitions().size(), "no chatload route was added");
        assertNull(context.getRegistry().lookupByName(ChatloadRoutes.BEAN));
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsInOneLineWithoutThePassword() throws Exception {
        Properties settings = settings(routes("0 0 0 1 1 ? 2099"));
        settings.setProperty("chatload.db.url", "jdbc:postgresql://127.0.0.1:1/chat");
        settings.setProperty("chatload.db.user", "chat");
        settings.setProperty("chatload.db.password", "pw-never-shown-42");
        CamelContext context = host(settings);

        ConfigException e = assertThrows(ConfigException.class, () -> ChatloadRoutes.install(context, NO_CHATFORMA));

        assertTrue(e.getMessage().startsWith("chatload.db.url: cannot connect to jdbc:postgresql://127.0.0.1:1/chat as "
                + "user 'chat': "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": check chatload.db.url, chatload.db.user and chatload.db.password"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("pw-never-shown-42"), "the password leaked: " + t);
        }
        assertEquals(0, context.getRoutes().size(), "no chatload route was added");
    }

    @Test
    void aSettingOutsideTheChatloadNamesIsRefusedInOneLine() {
        CamelContext context = host(new Properties());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChatloadRoutes.install(context, Map.of("db.url", dbUrl())));

        assertEquals("'db.url' is not a chatload setting: their names start with chatload. (e.g. chatload.routes, "
                + "chatload.db.url)", e.getMessage());
    }

    private static ExpectedTable operatorsTable() {
        return ExpectedTable.chaport(sandbox.data()).stream()
                .filter(t -> t.name().equals("chaport_data.operators")).findFirst().orElseThrow();
    }

    /** The application's database as any client sees it, not through chatload. */
    private JdbcDataSource database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(dbUrl());
        return db;
    }
}
