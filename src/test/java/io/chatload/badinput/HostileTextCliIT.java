package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.badinput.StubChaport.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API whose texts try to steer the terminal: ESC sequences (window title, clear screen), BEL, a CR/LF followed by
 * a forged summary line, a right-to-left override. Whatever chatload prints (the summary, its warnings and errors,
 * {@code show}, {@code sql}'s table) and the error text it stores shows them escaped; {@code sql --csv} gives the
 * data as stored.
 */
class HostileTextCliIT {

    private static final List<String> QUICK = List.of("-Dchatload.http.max-attempts=2",
            "-Dchatload.http.retry-initial-delay-ms=1", "-Dchatload.http.retry-max-delay-ms=5");
    /** What may not reach a terminal raw; a line break only as the end of one of chatload's own lines. */
    private static final Pattern UNSAFE = Pattern.compile(
            "[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff]");

    /** As JSON escapes, so the body is ASCII and the parser makes the control characters. */
    private static final String FORGED_LINK = "\\u001b]0;pwned\\u0007\\r\\nLoad 1 COMPLETED: 0 tables\\u202e";
    private static final String FIELD = "x\\u001b]0;t\\u0007\\u202e";
    private static final String URL = "https://h.example/\\u001b[2J\\u0007\\r\\n\\u202eevil";

    @TempDir
    Path dir;

    private StubChaport api;

    @BeforeEach
    void start() throws Exception {
        api = new StubChaport();
        api.overrides.put("/visitors/v1/chats", q -> Answer.json("{\"result\":" + StubChaport.chat(1)
                + ",\"links\":{\"more\":[\"" + FORGED_LINK + "\"]}}"));
        // a duplicate key: the parser's message quotes the key
        api.overrides.put("/operators", q -> Answer.json("{\"result\":[],\"" + FIELD + "\":1,\"" + FIELD + "\":2}"));
        api.overrides.put("/events/subscriptions", q -> Answer.json("{\"result\":[{\"id\":\"w1\",\"event\":\"chat.started\","
                + "\"url\":\"" + URL + "\"}]}"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Map<String, String> env() {
        return Map.of("CHAPORT_TOKEN", StubChaport.TOKEN, "CHAPORT_BASE_URL", api.baseUrl(), "CHAPORT_REQUESTS_PER_SECOND", "0",
                "CHATLOAD_DB_URL", "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath());
    }

    @Test
    void theSummaryShowAndSqlShowTheApisControlCharactersEscapedAndCsvKeepsTheData() throws Exception {
        Cli.Result run = Cli.run(dir, env(), QUICK, "run", "--once");
        assertEquals(1, run.exit(), run.all()); // the operators' body is refused
        assertPrintable("run --once", run.all());
        assertTrue(run.out().contains("warning: chaport.visitor_chats: skipped links.more entry "
                + "'\\u001b]0;pwned\\u0007\\u000d\\u000aLoad 1 COMPLETED: 0 tables\\u202e': not a URL"), run.out());
        assertFalse(run.out().lines().anyMatch(l -> l.startsWith("Load 1 ")), "no forged summary line:\n" + run.out());
        assertTrue(run.out().contains("chaport.operators: GET /api/v1/operators returned a response chatload cannot read: "
                + "the JSON breaks a limit: Duplicate field 'x\\u001b]0;t\\u0007\\u202e'"), run.out());

        Cli.Result ledger = sql("--csv", "SELECT error FROM chaport_data._chatload_loads");
        assertPrintable("the ledger's error", ledger.out().replace("\n", ""));
        assertTrue(ledger.out().contains("Duplicate field 'x\\u001b]0;t\\u0007\\u202e'")
                && ledger.out().contains("warning: chaport.visitor_chats: skipped links.more entry '\\u001b]0;pwned"), ledger.out());
        Cli.Result state = sql("--csv", "SELECT last_error FROM chaport_data._chatload_state WHERE last_error IS NOT NULL");
        assertPrintable("the resources' last error", state.out().replace("\n", ""));
        assertTrue(state.out().contains("Duplicate field 'x\\u001b]0;t\\u0007\\u202e'"), state.out());

        Cli.Result show = Cli.run(dir, env(), List.of(), "show");
        assertEquals(0, show.exit(), show.all());
        assertPrintable("show", show.all());

        Cli.Result table = sql("SELECT url FROM chaport_data.webhooks");
        assertPrintable("sql", table.all());
        assertTrue(table.out().contains("https://h.example/\\u001b[2J\\u0007\\u000d\\u000a\\u202eevil"), table.out());

        Cli.Result csv = sql("--csv", "SELECT url FROM chaport_data.webhooks");
        assertEquals("url\n\"https://h.example/\u001b[2J\u0007\r\n\u202eevil\"\n", csv.out(), "CSV is the data as stored");
    }

    private Cli.Result sql(String... args) throws Exception {
        Cli.Result r = Cli.run(dir, env(), List.of(), java.util.stream.Stream.concat(java.util.stream.Stream.of("sql"),
                java.util.stream.Stream.of(args)).toArray(String[]::new));
        assertEquals(0, r.exit(), r.all());
        return r;
    }

    private static void assertPrintable(String what, String text) {
        Matcher m = UNSAFE.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 80);
            throw new AssertionError(what + " has a raw U+" + String.format("%04X", (int) m.group().charAt(0)) + " in: "
                    + text.substring(from, Math.min(text.length(), m.end() + 40)).replaceAll("[^\\x20-\\x7e\\n]", "?"));
        }
    }
}
