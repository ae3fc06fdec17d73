package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.badinput.StubChaport.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Representative bad answers through the shaded jar: exit code 1, one line in the summary, the rest loaded. */
class BadInputCliIT {

    private static final List<String> QUICK = List.of("-Dchatload.http.max-attempts=2",
            "-Dchatload.http.retry-initial-delay-ms=1", "-Dchatload.http.retry-max-delay-ms=5");

    @TempDir
    Path dir;

    private StubChaport api;

    @BeforeEach
    void start() throws Exception {
        api = new StubChaport();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Map<String, String> env() {
        return Map.of("CHAPORT_TOKEN", StubChaport.TOKEN, "CHAPORT_BASE_URL", api.baseUrl(), "CHAPORT_REQUESTS_PER_SECOND", "0",
                "CHATLOAD_DB_URL", "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath());
    }

    private String count(String table) throws Exception {
        Cli.Result r = Cli.run(dir, env(), List.of(), "sql", "--csv", "SELECT COUNT(*) AS n FROM chaport_data." + table);
        assertEquals(0, r.exit(), r.all());
        return r.out().lines().toList().get(1);
    }

    private void assertFailsWithOneLine(Cli.Result run, String line) {
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith(line)), "the summary says " + line + ":\n" + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Load \\S+ FAILED: .*, 1 failed resources")), run.out());
        assertFalse(run.all().contains("\tat ") || run.all().contains(StubChaport.TOKEN), run.all());
    }

    @Test
    void anHtmlPageWithStatus200ExitsOneAndTheOtherResourcesLoad() throws Exception {
        api.overrides.put("/operators", q -> Answer.of(200, "text/html", "<html><body>Maintenance</body></html>"));
        Cli.Result run = Cli.run(dir, env(), QUICK, "run", "--once");
        assertFailsWithOneLine(run, "chaport.operators: GET /api/v1/operators returned a response chatload cannot read: "
                + "the body is an HTML page, not JSON");
        assertEquals("3", count("visitors"));
        assertEquals("3", count("chat_events"));
    }

    @Test
    void aTruncatedVisitorsPageAfterAGoodRunExitsOneAndKeepsTheRowsLoadedBefore() throws Exception {
        assertEquals(0, Cli.run(dir, env(), QUICK, "run", "--once").exit());
        api.overrides.put("/visitors", q -> Answer.json("{\"result\":[{\"id\":\"v1\","));
        Cli.Result run = Cli.run(dir, env(), QUICK, "run", "--once", "--full-refresh");
        assertFailsWithOneLine(run, "chaport.visitors: GET /api/v1/visitors?page=1 returned a response chatload cannot read: "
                + "the body is not valid JSON");
        assertEquals("3", count("visitors"));
        assertEquals("3", count("chats"));
        assertEquals("2", count("operators"));
    }

    @Test
    void aForeignHostLinkIsAWarningNotAFailure() throws Exception {
        api.overrides.put("/visitors/v1/chats", q -> Answer.json("{\"result\":" + StubChaport.chat(1)
                + ",\"links\":{\"more\":[\"http://example.invalid/api/v1/visitors/v1/chats/2\"]}}"));
        Cli.Result run = Cli.run(dir, env(), QUICK, "run", "--once");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("warning: chaport.visitor_chats: skipped a links.more URL on another host (example.invalid)"),
                run.out());
    }
}
