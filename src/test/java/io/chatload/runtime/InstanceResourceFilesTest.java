package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chatload.engine.LoadSummary;
import io.chatload.routes.ResourceSpec;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a vendor's resource files read for another account: ids that mean the account's own, queries on its schema. */
class InstanceResourceFilesTest {

    @TempDir
    Path dir;

    private static String resource(String id, String... parameters) {
        StringBuilder file = new StringBuilder("- templatedRoute:\n    routeTemplateRef: chatload-resource\n    routeId: "
                + id + "\n    parameters:\n");
        for (int i = 0; i < parameters.length; i += 2) {
            file.append("      - {name: ").append(parameters[i]).append(", value: \"").append(parameters[i + 1]).append("\"}\n");
        }
        return file.toString();
    }

    @Test
    void theVendorsIdsAndSchemaPlaceholderMeanTheInstancesOwnAndItsLiteralSchemaIsRefused() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.writeString(chaport.resolve("operators.yaml"), resource("chaport.operators", "path", "/operators"));
        Files.writeString(chaport.resolve("operator.yaml"), resource("chaport.operator",
                "parentQuery", "SELECT id FROM {schema}.operators", "after", "chaport.operators",
                "path", "/operators/{parent.id}", "table", "operator_details"));
        Path other = Files.createDirectories(dir.resolve("routes/other"));
        Files.writeString(other.resolve("_source.yaml"), Files.readString(chaport.resolve("_source.yaml"))
                .replace("name: chaport", "name: other").replace("schema: chaport_data", "schema: other_data"));
        Files.writeString(other.resolve("operators.yaml"), resource("other.operators", "path", "/operators"));
        Files.writeString(other.resolve("operator.yaml"), resource("other.operator",
                "parentQuery", "SELECT id FROM other_data.operators", "after", "operators", "path", "/operators/{parent.id}"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, dir.resolve("routes"), Map.of(
                     "CHATLOAD_CHAPORT_EU_VENDOR", "chaport", "CHATLOAD_CHAPORT_EU_TOKEN", sandbox.config().chaportToken(),
                     "CHATLOAD_OTHER_BASE_URL", sandbox.chaportBaseUrl(), "CHATLOAD_OTHER_TOKEN", sandbox.config().chaportToken(),
                     "CHATLOAD_OTHER_B_VENDOR", "other", "CHATLOAD_OTHER_B_TOKEN", sandbox.config().chaportToken())))) {
            ResourceSpec operator = p.runtime.catalog().get("chaport_eu.operator");
            assertEquals(List.of("chaport_eu.operators"), operator.parentQuery().after());
            assertEquals("SELECT id FROM chaport_eu_data.operators", operator.parentQuery().sql());
            assertEquals(List.of("other_b: resource other_b.operator: its parentQuery names the schema other_data of other: "
                    + "write {schema} instead, so that each account queries its own"), p.runtime.catalog().brokenSources());

            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            for (String schema : List.of("chaport_data", "chaport_eu_data")) {
                Truth.assertTableEquals(p.destination.dataSource(), schema, "operator_details", "id",
                        sandbox.data().chaportOperators());
            }
        }
    }
}
