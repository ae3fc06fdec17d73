package io.chatload.testing;

import io.chatload.config.ChatloadConfig;
import io.chatload.engine.Load;
import io.chatload.engine.LoadSummary;
import io.chatload.load.Destination;
import io.chatload.runtime.ChatloadRuntime;
import io.chatload.sandbox.SandboxServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chatload runtime wired to a sandbox and an H2 file database in a temporary folder, as a test arranges it. */
public final class TestPipeline implements AutoCloseable {

    public final Destination destination;
    public final ChatloadRuntime runtime;
    public final List<String> notices = new CopyOnWriteArrayList<>();
    public final List<LoadSummary> scheduledLoads = new CopyOnWriteArrayList<>();

    private TestPipeline(ChatloadConfig config, boolean scheduled) throws Exception {
        destination = Destination.connect(config.dbUrl(), config.dbUser(), config.dbPassword());
        runtime = ChatloadRuntime.create(config, destination, scheduled, notices::add, scheduledLoads::add);
        runtime.start();
    }

    /**
     * Settings pointing both sources at the sandbox; {@code overrides} replace any of them: environment variables
     * ({@code CHAPORT_TOKEN}) or properties ({@code chatload.http.max-attempts}).
     */
    public static ChatloadConfig config(SandboxServer sandbox, Path dbDir, Path routes, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("CHAPORT_BASE_URL", sandbox.chaportBaseUrl());
        env.put("CHAPORT_TOKEN", sandbox.config().chaportToken());
        env.put("CHATFORMA_BASE_URL", sandbox.chatformaBaseUrl());
        env.put("CHATFORMA_API_KEY", sandbox.config().chatformaKey());
        env.put("CHATLOAD_DB_URL", "jdbc:h2:file:" + dbDir.resolve("chatload").toAbsolutePath());
        env.put("CHATLOAD_ROUTES", routes.toAbsolutePath().toString());
        // the folder is all a test loads, unless it asks for the shipped files too
        env.put("CHATLOAD_ROUTES_SHIPPED", "false");
        env.put("CHAPORT_REQUESTS_PER_SECOND", "0");
        env.put("CHATFORMA_REQUESTS_PER_SECOND", "0");
        Properties properties = new Properties();
        overrides.forEach((key, value) -> {
            if (key.startsWith("chatload.")) {
                properties.setProperty(key, value);
            } else {
                env.put(key, value);
            }
        });
        return ChatloadConfig.load(env, properties);
    }

    public static TestPipeline once(ChatloadConfig config) throws Exception {
        return new TestPipeline(config, false);
    }

    public static TestPipeline scheduled(ChatloadConfig config) throws Exception {
        return new TestPipeline(config, true);
    }

    /** {@code run --once}: the named resources (all enabled ones when none). */
    public LoadSummary runOnce(String... resources) throws Exception {
        return runtime.runOnce(new Load(destination.ledger(), runtime.catalog().select(List.of(resources)), false));
    }

    /** {@code run --once --full-refresh}. */
    public LoadSummary runOnceFullRefresh() throws Exception {
        return runtime.runOnce(new Load(destination.ledger(), runtime.catalog().select(List.of()), true));
    }

    @Override
    public void close() {
        runtime.close();
        destination.close();
    }
}
