package io.chatload.testing;

import io.chatload.config.SourceConfig;
import io.chatload.load.Destination;
import io.chatload.outbox.DrainResult;
import io.chatload.outbox.OutboxKind;
import io.chatload.outbox.OutboxRoutes;
import io.chatload.outbox.OutboxSettings;
import io.chatload.plugin.VendorPlugin;
import io.chatload.plugin.VendorPlugins;
import io.chatload.sandbox.SandboxServer;
import io.chatload.source.ApiClients;
import io.chatload.source.AuthScheme;
import io.chatload.source.HttpSettings;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A process's worth of outbox: an H2 file database, a Camel context with the two API clients and the outbox routes
 * (Quartz idle unless asked for: tests drain by hand), started. Closing it and building another on the same folder
 * is a restart.
 */
public final class OutboxTestBed implements AutoCloseable {
    public static final OutboxSettings SETTINGS = new OutboxSettings(Duration.ofHours(1), 7, 4, 3);

    public final Destination destination;
    public final CamelContext camel;
    public final OutboxRoutes routes;
    public final ProducerTemplate producer;

    private OutboxTestBed(Destination destination, CamelContext camel, OutboxRoutes routes) {
        this.destination = destination;
        this.camel = camel;
        this.routes = routes;
        this.producer = camel.createProducerTemplate();
    }

    public static OutboxTestBed start(Path dbDir, SandboxServer sandbox) throws Exception {
        return start(dbUrl(dbDir), SETTINGS, chaport(sandbox.chaportBaseUrl(), sandbox.config().chaportToken()),
                chatforma(sandbox.chatformaBaseUrl(), sandbox.config().chatformaKey()));
    }

    public static OutboxTestBed start(String dbUrl, OutboxSettings settings, SourceConfig... sources) throws Exception {
        return start(dbUrl, settings, false, sources);
    }

    /** With {@code scheduled}, the Quartz triggers drain the outboxes every poll interval. */
    public static OutboxTestBed start(String dbUrl, OutboxSettings settings, boolean scheduled, SourceConfig... sources)
            throws Exception {
        Destination destination = Destination.connect(dbUrl, "", "");
        try {
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.getComponent("quartz", QuartzComponent.class).setAutoStartScheduler(scheduled);
            HttpSettings http = new HttpSettings(5_000, 10_000, 8);
            for (SourceConfig source : sources) {
                AuthScheme auth = source.name().equals("chaport") ? new AuthScheme("Authorization", "Bearer")
                        : new AuthScheme("api_key", "");
                ApiClients.register(camel, ApiClients.componentName(source.name()), source, auth, http);
            }
            OutboxRoutes routes = new OutboxRoutes(destination, settings, outboxes(sources));
            camel.addRoutes(routes);
            camel.start();
            return new OutboxTestBed(destination, camel, routes);
        } catch (Exception e) {
            destination.close();
            throw e;
        }
    }

    /** The outboxes the installed vendor plug-ins make for the enabled sources, as chatload's wiring builds them. */
    private static List<OutboxKind> outboxes(SourceConfig... sources) {
        List<OutboxKind> kinds = new ArrayList<>();
        for (SourceConfig source : sources) {
            for (VendorPlugin plugin : VendorPlugins.installed().all()) {
                if (plugin.vendor().equals(source.name()) && source.enabled()) {
                    kinds.addAll(plugin.outboxes(source));
                }
            }
        }
        return kinds;
    }

    public static String dbUrl(Path dbDir) {
        return "jdbc:h2:file:" + dbDir.resolve("outbox").toAbsolutePath();
    }

    public static SourceConfig chaport(String baseUrl, String token) {
        return new SourceConfig("chaport", URI.create(baseUrl), "chatload.chaport.token", token, 4);
    }

    public static SourceConfig chatforma(String baseUrl, String key) {
        return new SourceConfig("chatforma", URI.create(baseUrl), "chatload.chatforma.api-key", key, 4);
    }

    /** The text of a dispatch the sandbox received. */
    public static String content(Map<String, Object> dispatch) {
        return (String) ((Map<?, ?>) ((List<?>) dispatch.get("data")).get(0)).get("content");
    }

    /** Runs a statement with parameters; returns the update count. */
    public int update(String sql, Object... params) throws SQLException {
        try (Connection c = destination.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Rows of a query, column names in lower case. */
    public List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = destination.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    public Map<String, Object> row(String table, long id) throws SQLException {
        return rows("SELECT * FROM " + table + " WHERE id = ?", id).get(0);
    }

    public DrainResult drain(String endpoint) {
        return producer.requestBody(endpoint, null, DrainResult.class);
    }

    @Override
    public void close() throws Exception {
        producer.close();
        camel.close();
        destination.close();
    }
}
