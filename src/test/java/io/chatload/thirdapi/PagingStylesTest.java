package io.chatload.thirdapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chatload.config.ChatloadConfig;
import io.chatload.engine.LoadSummary;
import io.chatload.load.QueryResult;
import io.chatload.testing.TestPipeline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of dlt's paginators through the real run engine against a stub on loopback that pages {@value #RECORDS}
 * records three at a time in that paginator's style: every table must hold every record, each once.
 */
class PagingStylesTest {

    private static final int RECORDS = 7;
    private static final int PAGE = 3;
    private static final String TOKEN = "paged-token";

    /** Each resource's paginator settings, by style (the resource's name). */
    private static final Map<String, List<String>> STYLES = new LinkedHashMap<>();

    static {
        STYLES.put("json_link", List.of("paginator", "json_link", "nextUrlPath", "paging.next", "dataSelector", "items"));
        STYLES.put("header_link", List.of("paginator", "header_link", "dataSelector", "$"));
        STYLES.put("offset", List.of("paginator", "offset", "limit", "3", "totalPath", "total", "dataSelector", "items"));
        STYLES.put("page_number", List.of("paginator", "page_number", "pageSize", "3", "totalPath", "total_pages",
                "dataSelector", "items"));
        STYLES.put("cursor", List.of("paginator", "cursor", "cursorPath", "cursors.next", "dataSelector", "items"));
        STYLES.put("single_page", List.of("paginator", "single_page", "dataSelector", "items"));
        STYLES.put("auto", List.of("paginator", "auto", "dataSelector", "items"));
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    private static List<Map<String, Object>> records(int from, int to) {
        return IntStream.range(from, Math.min(to, RECORDS)).mapToObj(i -> Map.<String, Object>of("id", i + 1, "name", "r" + (i + 1)))
                .toList();
    }

    private static int param(URI uri, String name, int fallback) {
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    String v = pair.substring(name.length() + 1);
                    return v.startsWith("c") ? Integer.parseInt(v.substring(1)) : Integer.parseInt(v);
                }
            }
        }
        return fallback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, Map.of());
            return;
        }
        URI uri = exchange.getRequestURI();
        String style = uri.getPath().split("/")[2];
        String url = base() + "/" + style + "/items";
        Map<String, Object> body = new LinkedHashMap<>();
        switch (style) {
            case "json_link", "auto" -> {
                int page = param(uri, "page", 1);
                body.put("items", records((page - 1) * PAGE, page * PAGE));
                String next = page * PAGE < RECORDS ? (style.equals("auto") ? "/api/auto/items?page=" : url + "?page=") + (page + 1) : null;
                body.put(style.equals("auto") ? "links" : "paging", next == null ? Map.of() : Map.of("next", next));
            }
            case "header_link" -> {
                int page = param(uri, "page", 1);
                if (page * PAGE < RECORDS) {
                    exchange.getResponseHeaders().add("Link", "<" + url + "?page=" + (page + 1) + ">; rel=\"next\", <" + url
                            + "?page=1>; rel=\"first\"");
                }
                answer(exchange, 200, records((page - 1) * PAGE, page * PAGE));
                return;
            }
            case "offset" -> {
                int offset = param(uri, "offset", 0);
                body.put("items", records(offset, offset + param(uri, "limit", PAGE)));
                body.put("total", RECORDS);
            }
            case "page_number" -> {
                int page = param(uri, "page", 1);
                body.put("items", records((page - 1) * PAGE, page * PAGE));
                body.put("total_pages", (RECORDS + PAGE - 1) / PAGE);
            }
            case "cursor" -> {
                int from = param(uri, "cursor", 0);
                body.put("items", records(from, from + PAGE));
                body.put("cursors", from + PAGE < RECORDS ? Map.of("next", "c" + (from + PAGE)) : Map.of());
            }
            default -> body.put("items", records(0, RECORDS));
        }
        answer(exchange, 200, body);
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Path routes() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("routes/paged"));
        Files.writeString(folder.resolve("_source.yaml"), "- beans:\n    - name: paged\n"
                + "      type: io.chatload.routes.SourceDefaults\n      properties:\n        auth: bearer\n");
        for (Map.Entry<String, List<String>> style : STYLES.entrySet()) {
            StringBuilder yaml = new StringBuilder("- templatedRoute:\n    routeTemplateRef: chatload-resource\n"
                    + "    routeId: paged." + style.getKey() + "\n    parameters:\n"
                    + "      - {name: path, value: /" + style.getKey() + "/items}\n");
            List<String> settings = style.getValue();
            for (int i = 0; i < settings.size(); i += 2) {
                yaml.append("      - {name: ").append(settings.get(i)).append(", value: \"").append(settings.get(i + 1)).append("\"}\n");
            }
            Files.writeString(folder.resolve(style.getKey() + ".yaml"), yaml.toString());
        }
        return dir.resolve("routes");
    }

    @Test
    void everyPaginatorLoadsEveryRecordOnce() throws Exception {
        ChatloadConfig config = ChatloadConfig.load(Map.of("CHATLOAD_PAGED_BASE_URL", base(), "CHATLOAD_PAGED_TOKEN", TOKEN,
                "CHATLOAD_DB_URL", "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath(),
                "CHATLOAD_ROUTES", routes().toAbsolutePath().toString()), new Properties());
        try (TestPipeline p = TestPipeline.once(config)) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertEquals(List.of(), summary.warnings());
            List<List<Object>> expected = records(0, RECORDS).stream().map(r -> List.<Object>of(r.get("id"), r.get("name"))).toList();
            for (String style : STYLES.keySet()) {
                QueryResult rows = p.destination.query("SELECT id, name FROM paged_data.\"" + style + "\" ORDER BY id", 100);
                assertEquals(expected, rows.rows().stream().map(r -> List.<Object>of(((Number) r.get(0)).intValue(), r.get(1)))
                        .toList(), style);
            }
        }
    }
}
