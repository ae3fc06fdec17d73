package io.chatload.embed;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose property source answers key by key and lists nothing (as Spring's Environment reaches Camel): the
 * instances it names in chatload.instances are asked for their settings by name, and load.
 */
class HostInstancesTest {

    @TempDir
    Path dir;

    @Test
    void anInstanceListedInChatloadInstancesIsConfiguredKeyByKey() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("app-routes/chaport"));
        Files.copy(Path.of("routes/chaport/_source.yaml"), chaport.resolve("_source.yaml"));
        Files.copy(Path.of("routes/chaport/operators.yaml"), chaport.resolve("operators.yaml"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(3))) {
            Properties listed = new Properties();
            listed.setProperty("chatload.routes", chaport.getParent().toString());
            listed.setProperty("chatload.db.url", "jdbc:h2:file:" + dir.resolve("app-db").toAbsolutePath());
            listed.setProperty("chatload.instances", "chaport_eu");
            Map<String, String> byName = Map.of("chatload.chaport_eu.vendor", "chaport",
                    "chatload.chaport_eu.token", sandbox.config().chaportToken(),
                    "chatload.chaport_eu.base-url", sandbox.chaportBaseUrl(),
                    "chatload.chaport_eu.requests-per-second", "0");
            DefaultCamelContext context = new DefaultCamelContext();
            context.getPropertiesComponent().setInitialProperties(listed);
            context.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
                @Override
                public String getName() {
                    return "resolves-by-name-only";
                }

                @Override
                public String getProperty(String name) {
                    return byName.get(name);
                }
            });
            ChatloadRoutes chatload = ChatloadRoutes.install(context, Map.of("chatload.chaport.token", "",
                    "chatload.chatforma.api-key", ""));
            context.start();
            try {
                LoadSummary summary = chatload.runOnce("chaport_eu.operators");
                assertFalse(summary.failed(), String.join("\n", summary.lines()));
                Truth.assertTableEquals(chatload.destination().dataSource(), "chaport_eu_data", "operators", "id",
                        sandbox.data().chaportOperators());
            } finally {
                context.stop();
            }
        }
    }
}
