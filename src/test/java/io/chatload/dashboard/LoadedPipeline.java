package io.chatload.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** What the dashboard tests share: a pipeline loaded from the sandbox, the SQL truth to compare with, HTTP and JSON. */
final class LoadedPipeline {

    static final Path ROUTES = Path.of("routes");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoadedPipeline() {
    }

    /** A once-mode pipeline on the sandbox with {@code loads} completed loads in its database. */
    static TestPipeline loaded(SandboxServer sandbox, Path dir, int loads, Map<String, String> overrides) throws Exception {
        TestPipeline pipeline = TestPipeline.once(TestPipeline.config(sandbox, dir, ROUTES, overrides));
        for (int i = 0; i < loads; i++) {
            LoadSummary summary = pipeline.runOnce();
            if (summary.failed()) {
                pipeline.close();
                throw new AssertionError("the sandbox load failed: " + String.join("\n", summary.lines()));
            }
        }
        return pipeline;
    }

    /** Distinct load ids over both schemas' run history: the points the plot must have. */
    static long loadCount(TestPipeline p) throws SQLException {
        return Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM (SELECT load_id FROM chaport_data._chatload_loads "
                + "UNION SELECT load_id FROM chatforma_data._chatload_loads) l");
    }

    static long rows(TestPipeline p, String schema, String table) throws SQLException {
        return Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM " + schema + ".\"" + table + "\"");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
