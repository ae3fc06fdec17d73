package io.chatload.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.embed.ChatloadRoutes;
import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's own CamelContext with its route on {@code chatload:chaport.chats} added before chatload is
 * installed (as docs/embedding.md has it): the source and the destination are found as the route starts.
 */
class RecordsHostTest {

    @TempDir
    Path dir;

    @Test
    void aRouteAddedBeforeInstallGetsTheChatsOfALoad() throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        for (String file : List.of("_source.yaml", "visitors.yaml", "visitor_chats.yaml")) {
            Files.writeString(chaport.resolve(file), Files.readString(Path.of("routes/chaport", file))
                    .replace("0 0/15 * * * ?", "0 0 0 1 1 ? 2099")); // no scheduled load during the test
        }
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(4));
             DefaultCamelContext context = new DefaultCamelContext()) {
            Properties settings = new Properties();
            settings.setProperty("chatload.routes", dir.resolve("routes").toString());
            settings.setProperty("chatload.routes.shipped", "false");
            settings.setProperty("chatload.db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
            settings.setProperty("chatload.chaport.base-url", sandbox.chaportBaseUrl());
            settings.setProperty("chatload.chaport.token", sandbox.config().chaportToken());
            settings.setProperty("chatload.chaport.requests-per-second", "0");
            context.getPropertiesComponent().setInitialProperties(settings);
            Set<String> received = Collections.synchronizedSet(new TreeSet<>());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("chatload:chaport.chats?delay=20&initialDelay=0").routeId("host-chats")
                            .process(e -> received.add(e.getMessage().getHeader(RecordHeaders.PRIMARY_KEY, String.class)));
                }
            });
            ChatloadRoutes chatload = ChatloadRoutes.install(context, Map.of("chatload.chatforma.api-key", ""));
            context.start();

            LoadSummary summary = chatload.runOnce("visitors");
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            Set<String> table = new TreeSet<>();
            Truth.query(chatload.destination().dataSource(), "SELECT visitor_id, id FROM chaport_data.chats")
                    .forEach(row -> table.add(row.get("visitor_id") + "," + row.get("id")));
            assertTrue(table.size() > 4, "chats loaded: " + table);
            String emitted = "SELECT COUNT(*) FROM chaport_data._chatload_consumers WHERE consumer_id = 'host-chats'"
                    + " AND load_id = '" + summary.loadId() + "'";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Truth.countOnceThere(chatload.destination().dataSource(), emitted) == 0) {
                assertTrue(System.nanoTime() < deadline, "the host's route got " + received.size() + " of " + table.size());
                Thread.sleep(20);
            }
            assertEquals(table, received);
        }
    }
}
