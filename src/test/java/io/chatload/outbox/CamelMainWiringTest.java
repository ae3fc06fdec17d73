package io.chatload.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.config.SourceConfig;
import io.chatload.load.Destination;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.source.ApiClients;
import io.chatload.source.AuthScheme;
import io.chatload.source.HttpSettings;
import io.chatload.testing.OutboxTestBed;
import io.chatload.vendor.chaport.ChaportPlugin;
import io.chatload.vendor.chatforma.ChatformaPlugin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox inside Camel Main, wired as chatload's runtime does it: what {@code run --once} does with it. */
class CamelMainWiringTest {

    @TempDir
    Path dir;

    @Test
    void runOnceDrainsTheOutboxesThroughCamelMain() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
             Destination destination = Destination.connect(OutboxTestBed.dbUrl(dir), "", "")) {
            SourceConfig chaport = OutboxTestBed.chaport(sandbox.chaportBaseUrl(), sandbox.config().chaportToken());
            SourceConfig chatforma = OutboxTestBed.chatforma(sandbox.chatformaBaseUrl(), sandbox.config().chatformaKey());
            OutboxRoutes outbox = new OutboxRoutes(destination, OutboxSettings.defaults(), List.of(new ChaportPlugin().outboxes(chaport),
                    new ChatformaPlugin().outboxes(chatforma)).stream().flatMap(List::stream).toList());
            Main main = new Main();
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeConfigure(BaseMainSupport support) {
                    CamelContext context = support.getCamelContext();
                    HttpSettings http = new HttpSettings(5_000, 10_000, 8);
                    ApiClients.register(context, ApiClients.componentName("chaport"), chaport, new AuthScheme("Authorization", "Bearer"), http);
                    ApiClients.register(context, ApiClients.componentName("chatforma"), chatforma, new AuthScheme("api_key", ""), http);
                }
            });
            main.configure().addRoutesBuilder(outbox);
            main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
            main.start();
            try {
                insert(destination, "INSERT INTO chaport_data.outbox_messages (visitor_id, operator_id, text) VALUES "
                        + "(?, ?, 'hello')", sandbox.data().chaportVisitors().get(0).get("id"),
                        sandbox.data().chaportOperators().get(0).get("id"));
                insert(destination, "INSERT INTO chatforma_data.outbox_dispatches (bot_id, segment_id, content) VALUES "
                        + "(?, 0, 'news')", sandbox.data().chatformaBots().get(0).get("id"));

                assertEquals(List.of(new DrainResult("chaport.messages", 1, 0, 0, 0),
                        new DrainResult("chatforma.dispatch_broadcast", 1, 0, 0, 0)), outbox.drainOnce());
            } finally {
                main.stop();
            }
        }
    }

    private static void insert(Destination destination, String sql, Object... values) throws Exception {
        try (Connection c = destination.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }
}
