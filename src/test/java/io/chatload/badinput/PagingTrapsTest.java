package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.chatload.badinput.StubChaport.Answer;
import io.chatload.engine.LoadSummary;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paging that would go on forever or leave the API: a links.more loop is followed once per URL; a link to another
 * origin is skipped with a warning and never contacted; a server that ignores {@code page} ends the list with a
 * warning and no duplicates. None of them fails the load: the data the API did serve is loaded.
 */
class PagingTrapsTest {

    @TempDir
    Path dir;

    private BadInputBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new BadInputBed(dir);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private static String chatWithMore(int id, String... more) {
        return "{\"result\":" + StubChaport.chat(id) + ",\"links\":{\"more\":[" + String.join(",",
                java.util.Arrays.stream(more).map(m -> "\"" + m + "\"").toList()) + "]}}";
    }

    private LoadSummary loads(LoadSummary summary) {
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        return summary;
    }

    @Test
    void aLinksMoreLoopIsFollowedOncePerUrl() throws Exception {
        String self = StubChaport.PREFIX + "/visitors/v1/chats";
        String older = StubChaport.PREFIX + "/visitors/v1/chats/2";
        bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json(chatWithMore(1, older, self, older, bed.api.origin() + self)));
        bed.api.overrides.put("/visitors/v1/chats/2", q -> Answer.json(chatWithMore(2, self, older)));
        loads(bed.run());
        assertEquals(1, bed.api.requestsTo("/visitors/v1/chats"));
        assertEquals(1, bed.api.requestsTo("/visitors/v1/chats/2"));
        assertEquals(List.of("1", "2"), bed.column("SELECT id FROM chaport_data.chats WHERE visitor_id = 'v1' ORDER BY id"));
        bed.assertNoDuplicates();
    }

    @Test
    void aLinksMoreEntryNamingTheFirstPageItselfIsNotFetchedAgain() throws Exception {
        bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json(chatWithMore(1, StubChaport.PREFIX + "/visitors/v1/chats")));
        loads(bed.run());
        assertEquals(1, bed.api.requestsTo("/visitors/v1/chats"));
    }

    @Test
    void aForeignHostLinkIsSkippedWithAWarningAndNeverContacted() throws Exception {
        HttpServer foreign = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        foreign.createContext("/", e -> {
            seen.add(e.getRequestURI() + " " + e.getRequestHeaders().getFirst("Authorization"));
            e.sendResponseHeaders(500, -1);
            e.close();
        });
        foreign.start();
        try {
            int port = foreign.getAddress().getPort();
            bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json(chatWithMore(1,
                    "http://localhost:" + port + "/api/v1/visitors/v1/chats/2",
                    "http://127.0.0.1:" + port + "/api/v1/visitors/v1/chats/3",
                    "https://127.0.0.1:" + bed.api.port() + "/api/v1/visitors/v1/chats/4",
                    StubChaport.PREFIX + "/visitors/v1/chats/5")));
            LoadSummary summary = loads(bed.run());
            assertEquals(List.of(), seen, "the other host is never contacted");
            String lines = String.join("\n", summary.lines());
            assertTrue(summary.warnings().contains("chaport.visitor_chats: skipped a links.more URL on another host (localhost): "
                    + "only http://127.0.0.1:" + bed.api.port() + " is followed"), lines);
            assertTrue(summary.warnings().contains("chaport.visitor_chats: skipped a links.more URL on another host (127.0.0.1): "
                    + "only http://127.0.0.1:" + bed.api.port() + " is followed"), lines);
            assertTrue(summary.lines().stream().anyMatch(l -> l.startsWith("  warning: chaport.visitor_chats: skipped a links.more URL")));
            assertEquals(List.of("1", "5"), bed.column("SELECT id FROM chaport_data.chats WHERE visitor_id = 'v1' ORDER BY id"),
                    "the same-origin link is still followed");
        } finally {
            foreign.stop(0);
        }
    }

    @Test
    void linksMoreEntriesThatAreNotUrlsAreSkippedWithAWarning() throws Exception {
        bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json("{\"result\":" + StubChaport.chat(1)
                + ",\"links\":{\"more\":[42,\"\",null,\"http://[bad\",{\"url\":\"/x\"}]}}"));
        LoadSummary summary = loads(bed.run());
        assertTrue(summary.warnings().stream().anyMatch(w -> w.contains("not a URL")), String.join("\n", summary.lines()));
    }

    @Test
    void aServerThatIgnoresPageOnLinksNextEndsWithAWarningAndNoDuplicates() throws Exception {
        bed.api.overrides.put("/visitors", q -> Answer.json("{\"result\":[" + StubChaport.visitor("v1", 1) + ","
                + StubChaport.visitor("v2", 1) + "],\"links\":{\"next\":\"/visitors?page=2\"}}"));
        LoadSummary summary = loads(bed.run());
        assertTrue(bed.api.requestsTo("/visitors?page=3") == 0, "stops at the repeated page: " + bed.api.requests.size() + " requests");
        assertTrue(summary.warnings().stream().anyMatch(w -> w.startsWith("chaport.visitors: ") && w.contains("ignores page")),
                String.join("\n", summary.lines()));
        assertEquals(List.of("v1", "v2"), bed.column("SELECT id FROM chaport_data.visitors ORDER BY id"));
        bed.assertNoDuplicates();
    }

    @Test
    void aServerThatIgnoresPageOnPageNumberEndsWithAWarningAndNoDuplicates() throws Exception {
        bed.withResource("things.yaml", """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.things
                    parameters:
                      - {name: path, value: /things}
                      - {name: dataSelector, value: data}
                      - {name: paginator, value: page_number}
                      - {name: pageSize, value: "2"}
                """);
        bed.api.overrides.put("/things", q -> bed.api.standard("/things", "page=1&per_page=2"));
        LoadSummary summary = loads(bed.run());
        assertEquals(2, bed.api.requests.stream().filter(r -> r.startsWith(StubChaport.PREFIX + "/things")).count());
        assertTrue(summary.warnings().stream().anyMatch(w -> w.startsWith("chaport.things: ") && w.contains("ignores page")),
                String.join("\n", summary.lines()));
        assertEquals(List.of("1", "2"), bed.column("SELECT id FROM chaport_data.things ORDER BY id"));
    }

    @Test
    void linksNextOnAnEmptyPageEndsTheList() throws Exception {
        bed.api.overrides.put("/visitors", q -> "page=1".equals(q)
                ? Answer.json("{\"result\":[" + StubChaport.visitor("v1", 1) + "],\"links\":{\"next\":\"/visitors?page=2\"}}")
                : Answer.json("{\"result\":[],\"links\":{\"next\":\"/visitors?page=3\"}}"));
        loads(bed.run());
        assertEquals(0, bed.api.requestsTo("/visitors?page=3"));
        assertEquals(List.of("v1"), bed.column("SELECT id FROM chaport_data.visitors ORDER BY id"));
    }

    @Test
    void aListThatNeverEndsStopsAtMaxPagesWithAWarning() throws Exception {
        bed.withResource("visitors.yaml", """
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.visitors
                    parameters:
                      - {name: path, value: /visitors}
                      - {name: paginator, value: links_next}
                      - {name: maxPages, value: "5"}
                """);
        bed.api.overrides.put("/visitors", q -> {
            int page = Integer.parseInt(q.substring("page=".length()));
            return Answer.json("{\"result\":[{\"id\":\"p" + page + "\"}],\"links\":{\"next\":\"/visitors?page=" + (page + 1) + "\"}}");
        });
        bed.api.overrides.put("/visitors/p1/chats", q -> Answer.json("{\"result\":null}"));
        LoadSummary summary = bed.run("visitors");
        assertEquals(0, bed.api.requestsTo("/visitors?page=6"), "maxPages = 5");
        assertTrue(summary.warnings().stream().anyMatch(w -> w.contains("stopped after 5 pages")), String.join("\n", summary.lines()));
    }
}
