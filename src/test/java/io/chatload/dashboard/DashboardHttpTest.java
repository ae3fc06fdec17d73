package io.chatload.dashboard;

import static io.chatload.dashboard.LoadedPipeline.get;
import static io.chatload.dashboard.LoadedPipeline.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatload.engine.LoadSummary;
import io.chatload.engine.ResourceOutcome;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestPipeline;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over HTTP: on its own ({@code show --web}) and on {@code run}'s management server. */
class DashboardHttpTest {

    @TempDir
    Path dir;

    @Test
    void showWebServesThePageUPlotAndTheDataWithHeadersThatForbidInlineScript() throws Exception {
        int port = LoadedPipeline.freePort();
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = LoadedPipeline.loaded(sandbox, dir, 1, Map.of())) {
            Main main = Dashboard.serve(p.destination, "127.0.0.1", port);
            main.start();
            try {
                String base = "http://127.0.0.1:" + port + "/dashboard";
                assertEquals(Dashboard.url("127.0.0.1", port), base + "/");
                HttpResponse<String> redirect = get(base);
                assertEquals(302, redirect.statusCode());
                assertEquals("/dashboard/", redirect.headers().firstValue("Location").orElse(""));

                HttpResponse<String> page = get(base + "/");
                assertEquals(200, page.statusCode());
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
                assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
                assertTrue(page.body().contains("<script src=\"lib/uPlot.iife.min.js\"></script>"), "uPlot from its WebJar");

                HttpResponse<String> uplot = get(base + "/lib/uPlot.iife.min.js");
                assertEquals(200, uplot.statusCode());
                assertTrue(uplot.body().contains("uPlot"));
                assertEquals(200, get(base + "/lib/uPlot.min.css").statusCode());
                assertEquals(200, get(base + "/dashboard.js").statusCode());

                HttpResponse<String> tables = get(base + "/api/tables");
                assertEquals(200, tables.statusCode());
                assertEquals("application/json; charset=utf-8", tables.headers().firstValue("Content-Type").orElse(""));
                JsonNode visitors = DashboardApiTest.find(json(tables.body()), "name", "visitors");
                assertEquals(LoadedPipeline.rows(p, "chaport_data", "visitors"), visitors.get("rows").asLong());

                HttpResponse<String> unknown = get(base + "/api/secrets");
                assertEquals(404, unknown.statusCode());
                assertTrue(json(unknown.body()).get("error").asText().contains("no dashboard endpoint 'secrets'"));
                assertEquals(404, get(base + "/lib/uPlot.d.ts").statusCode(), "only the listed files are served");
                assertEquals(404, get(base + "/../pom.xml").statusCode());
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void runServesItOnTheManagementPortWithEachRootsRouteAndNextFireTime() throws Exception {
        int port = LoadedPipeline.freePort();
        Map<String, String> settings = Map.of("chatload.management.port", Integer.toString(port), "chatload.routes.reload", "false");
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(sandbox, dir, LoadedPipeline.ROUTES, settings))) {
            HttpResponse<String> answer = get("http://127.0.0.1:" + port + "/dashboard/api/resources");
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode resources = json(answer.body());
            JsonNode visitors = DashboardApiTest.find(resources, "id", "chaport.visitors");
            assertEquals("Started", visitors.get("route").asText());
            assertFalse(visitors.get("nextFireAt").isNull(), visitors.toString());
            assertTrue(Instant.parse(visitors.get("nextFireAt").asText()).isAfter(Instant.now().minusSeconds(5)), visitors.toString());
            JsonNode chats = DashboardApiTest.find(resources, "id", "chaport.visitor_chats");
            assertTrue(chats.get("nextFireAt").isNull(), "a child runs with its parent, on no trigger of its own: " + chats);
            assertEquals(p.runtime.catalog().all().stream().filter(p.runtime.catalog()::enabled).count(), resources.size(),
                    "every enabled resource, run or not: " + resources);
            assertEquals(200, get("http://127.0.0.1:" + port + "/dashboard/").statusCode());

            LoadSummary operators = p.runOnce("chaport.operators");
            assertFalse(operators.failed(), String.join("\n", operators.lines()));
            long requests = operators.outcomes().stream().filter(o -> o.resource().equals("chaport.operators"))
                    .mapToLong(ResourceOutcome::requests).sum();
            JsonNode meters = json(get("http://127.0.0.1:" + port + "/dashboard/api/counters").body()).get("meters");
            JsonNode counted = null;
            for (JsonNode meter : meters) {
                if (meter.get("name").asText().equals("chatload_requests")
                        && meter.get("tags").get("resource").asText().equals("chaport.operators")) {
                    counted = meter;
                }
            }
            assertTrue(counted != null && counted.get("value").asLong() == requests,
                    "run's meters, as /observe/metrics has them: " + requests + " requests in " + meters);
        }
    }
}
