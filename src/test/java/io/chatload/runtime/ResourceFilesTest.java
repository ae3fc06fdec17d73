package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ConfigException;
import io.chatload.engine.LoadSummary;
import io.chatload.load.TableInfo;
import io.chatload.routes.ResourceSpec;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user can put in the routes folder, and the one-line errors for what they get wrong. */
class ResourceFilesTest {

    private static SandboxServer sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(30).withVisitorsPageSize(7));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** A routes folder with Chaport's shipped defaults (in a subfolder, as shipped) plus the given resource file. */
    private Path routes(String resourceYaml) throws Exception {
        Path routes = dir.resolve("routes");
        Path chaport = Files.createDirectories(routes.resolve("nested/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(chaport.resolve("resource.yaml"), resourceYaml);
        return routes;
    }

    /** As {@link #routes(String)}, with the source's naming convention set in its _source.yaml. */
    private Path routes(String resourceYaml, String naming) throws Exception {
        Path routes = routes(resourceYaml);
        Path source = routes.resolve("nested/chaport/_source.yaml");
        String yaml = Files.readString(source);
        assertTrue(yaml.contains("        naming: snake_case"), "the shipped _source.yaml names its naming convention");
        Files.writeString(source, yaml.replace("        naming: snake_case", "        naming: " + naming));
        return routes;
    }

    private static String resource(String routeId, String... parameters) {
        StringBuilder yaml = new StringBuilder("- templatedRoute:\n    routeTemplateRef: chatload-resource\n"
                + (routeId == null ? "" : "    routeId: " + routeId + "\n") + "    parameters:\n");
        for (int i = 0; i < parameters.length; i += 2) {
            yaml.append("      - {name: ").append(parameters[i]).append(", value: \"").append(parameters[i + 1]).append("\"}\n");
        }
        return yaml.toString();
    }

    private ConfigException startFails(String resourceYaml) throws Exception {
        return startFails(routes(resourceYaml));
    }

    private ConfigException startFails(Path routes) throws Exception {
        Exception e = assertThrows(Exception.class,
                () -> TestPipeline.once(TestPipeline.config(sandbox, dir, routes, Map.of())).close());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException config) {
                return config;
            }
        }
        throw new AssertionError("expected a ConfigException, got " + e, e);
    }

    /**
     * A mistake in a file of a known source disables that source alone, with one notice naming it and what to set:
     * the runtime starts, so the other sources load. Returns the notice's reason as the exception it once was.
     */
    private ConfigException disables(String resourceYaml) throws Exception {
        return disables(routes(resourceYaml));
    }

    private ConfigException disables(Path routes) throws Exception {
        try (TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, routes, Map.of()))) {
            assertEquals(1, p.notices.size(), p.notices.toString());
            String notice = p.notices.get(0);
            String source = notice.substring(0, notice.indexOf(':'));
            assertTrue(notice.startsWith(source + ": source disabled, "), notice);
            assertTrue(p.runtime.catalog().select(List.of()).stream().noneMatch(id -> id.startsWith(source + ".")),
                    "nothing of the disabled source runs");
            return new ConfigException(notice.substring((source + ": source disabled, ").length()));
        }
    }

    @Test
    void aNewEndpointIsOneShortFileInAnySubfolder() throws Exception {
        Path routes = routes(resource("chaport.team", "path", "/operators", "table", "agents",
                "paginator", "single", "schedule", "30s"));
        try (TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, routes, Map.of()))) {
            LoadSummary summary = p.runOnce("team");
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            Truth.assertTableEquals(p.destination.dataSource(), "chaport_data", "agents", "id", sandbox.data().chaportOperators());
        }
    }

    @Test
    void theSourcesNamingConventionNamesItsTables() throws Exception {
        Path routes = routes(resource("chaport.team", "path", "/operators", "table", "Agents", "paginator", "single"), "duck_case");
        try (TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, routes, Map.of()))) {
            LoadSummary summary = p.runOnce("team");
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            List<String> tables = p.destination.tables("chaport_data").stream().map(TableInfo::name).toList();
            assertTrue(tables.contains("Agents"), "duck_case keeps the table's capital: " + tables);
        }
    }

    @Test
    void anUnknownNamingConventionIsNamed() throws Exception {
        Path routes = routes(resource("chaport.v", "path", "/v"), "kebab_case");
        ConfigException e = disables(routes);
        assertEquals("resource chaport.v: naming 'kebab_case' is not one of snake_case, duck_case, direct, sql_cs_v1, sql_ci_v1",
                e.getMessage());
    }

    @Test
    void anUnknownParameterIsNamedWithTheKnownOnes() throws Exception {
        ConfigException e = disables(resource("chaport.visitors", "path", "/visitors", "pagintor", "links_next"));
        assertTrue(e.getMessage().startsWith("resource chaport.visitors: unknown parameter 'pagintor' (known: path, table,"),
                e.getMessage());
    }

    /**
     * The template declares defaults to Camel only where no source may set another, so a parameter a file leaves out
     * still takes the source's value; the file's own value wins over both.
     */
    @Test
    void aParameterLeftOutTakesTheSourcesValueAndTheFilesWins() throws Exception {
        Path routes = routes(resource("chaport.team", "path", "/operators", "pageSize", "7"));
        Path source = routes.resolve("nested/chaport/_source.yaml");
        Files.writeString(source, Files.readString(source).replace("        paginator: single\n",
                "        paginator: single\n        maxPages: \"3\"\n        pageSize: \"50\"\n"));
        try (TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, routes, Map.of()))) {
            ResourceSpec team = p.runtime.catalog().get("chaport.team");
            assertEquals(3, team.paging().maxPages(), "the source's, not the built-in 10000");
            assertEquals(7, team.paging().pageSize(), "the file's, over the source's");
            assertEquals("result", team.dataSelector().expression(), "the shipped source's");
            assertEquals("0 0/15 * * * ?", team.schedule().text(), "the built-in one, which the source also names");
            assertNull(team.incremental(), "sortedByCursor's template default turns nothing on");
        }
    }

    @Test
    void aParentQueryThatIsNoQueryIsRefused() throws Exception {
        ConfigException e = disables(resource("chaport.gone", "path", "/operators/{parent.id}",
                "parentQuery", "DELETE FROM chaport_data.visitors"));
        assertEquals("resource chaport.gone: parentQuery must be one SELECT (or WITH ... SELECT) statement: it only reads "
                + "the destination", e.getMessage());
    }

    @Test
    void aMissingRequiredParameterIsNamed() throws Exception {
        ConfigException e = disables(resource("chaport.visitors", "table", "v"));
        assertEquals("resource chaport.visitors: the required parameter 'path' is missing", e.getMessage());
    }

    @Test
    void theRouteIdNamesTheResource() throws Exception {
        ConfigException missing = startFails(resource(null, "path", "/visitors"));
        assertTrue(missing.getMessage().startsWith("a resource file (parameters {path=/visitors}) needs 'routeId: <source>.<name>'"),
                missing.getMessage());
        ConfigException noPathEither = startFails(resource(null, "table", "v"));
        assertTrue(noPathEither.getMessage().startsWith("a resource file (parameters {table=v}) needs 'routeId: <source>.<name>'"),
                noPathEither.getMessage());
        ConfigException noSource = startFails(resource("visitors", "path", "/visitors"));
        assertTrue(noSource.getMessage().endsWith("found 'visitors'"), noSource.getMessage());
    }

    @Test
    void aRouteIdDeclaredInTwoFilesStopsTheStartNamingBoth() throws Exception {
        Path routes = routes(resource("chaport.visitors", "path", "/visitors", "paginator", "links_next"));
        Files.writeString(routes.resolve("nested/chaport/again.yaml"), resource("chaport.visitors", "path", "/visitors2"));
        ConfigException e = startFails(routes);
        assertEquals("routeId chaport.visitors is declared twice, in nested/chaport/again.yaml and in "
                + "nested/chaport/resource.yaml: give one of them another routeId (a folder file replaces a shipped one "
                + "by having its name)", e.getMessage());
    }

    @Test
    void aRouteIdDeclaredInAYamlAndAnXmlFileStopsTheStartNamingBoth() throws Exception {
        Path routes = routes(resource("chaport.visitors", "path", "/visitors", "paginator", "links_next"));
        Files.writeString(routes.resolve("nested/chaport/again.xml"), """
                <templatedRoutes xmlns="http://camel.apache.org/schema/xml-io">
                    <templatedRoute routeTemplateRef="chatload-resource" routeId="chaport.visitors">
                        <parameter name="path" value="/visitors2"/>
                    </templatedRoute>
                </templatedRoutes>
                """);
        ConfigException e = startFails(routes);
        assertTrue(e.getMessage().startsWith("routeId chaport.visitors is declared twice, in nested/chaport/"), e.getMessage());
        assertTrue(e.getMessage().contains("again.xml") && e.getMessage().contains("resource.yaml"), e.getMessage());
    }

    @Test
    void aBadScheduleIsNamed() throws Exception {
        ConfigException e = disables(resource("chaport.visitors", "path", "/visitors", "schedule", "often"));
        assertTrue(e.getMessage().startsWith("resource chaport.visitors: schedule 'often' is neither a Quartz cron"), e.getMessage());
    }

    @Test
    void badValuesAreNamed() throws Exception {
        assertEquals("resource chaport.v: unknown paginator 'json_links': use one of single_page, single, json_link, "
                + "header_link, offset, page_number, cursor, auto, links_next, links_more",
                disables(resource("chaport.v", "path", "/v", "paginator", "json_links")).getMessage());
        assertTrue(disables(resource("chaport.v", "path", "v")).getMessage()
                .contains("path 'v' must start with /"));
        assertNotNull(disables(resource("chaport.v", "path", "/v", "writeDisposition", "upsert")));
        assertEquals("resource chaport.v: writeDisposition merge needs a primaryKey",
                disables(resource("chaport.v", "path", "/v", "primaryKey", "")).getMessage());
    }

    @Test
    void aSourceWithoutDefaultsPointsToTheMissingFile() throws Exception {
        ConfigException e = disables(resource("intercom.contacts", "path", "/contacts"));
        assertEquals("resource intercom.contacts: source 'intercom' has no defaults: add routes/intercom/_source.yaml "
                + "declaring a bean named 'intercom'", e.getMessage());
    }
}
