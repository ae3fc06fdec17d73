package io.chatload.badinput;

import static io.chatload.badinput.BadInputBed.assertFailedWithOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.badinput.StubChaport.Answer;
import io.chatload.engine.LoadSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers chatload cannot read fail their resource alone, with one line naming the resource, the request and what
 * to do; the other resources load, the rows of a good load before stay as they were, and the load is failed (exit
 * code 1). Rule: what is not the JSON shape the resource declares is refused, never half-guessed.
 */
class MalformedBodiesTest {

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

    private static Function<String, Answer> always(Answer answer) {
        return query -> answer;
    }

    private static Function<String, Answer> json(String body) {
        return always(Answer.json(body));
    }

    /**
     * Good load, then the scripted answer at {@code path}, then a full-refresh load: {@code resource} fails with one
     * line, the others load, {@code table} keeps the rows of the good load.
     */
    private String failsAlone(String resource, String path, String pathAndQuery, Function<String, Answer> answer,
                              String table, String... fragments) throws Exception {
        bed.goodRun();
        var before = bed.snapshot();
        bed.api.overrides.put(path, answer);
        LoadSummary summary = bed.badRun();
        String error = assertFailedWithOneLine(summary, resource, pathAndQuery, fragments);
        bed.assertOthersLoaded(resource);
        bed.assertKeptAndNotDoubled(before, table);
        return error;
    }

    static Stream<Arguments> unreadableOperators() {
        return Stream.of(
                Arguments.of("truncatedJson", json("{\"result\":[{\"id\":\"op1\",\"name\":\"Ann"), "not valid JSON"),
                Arguments.of("truncatedAfterAComma", json("{\"result\":[{\"id\":\"op1\"},"), "not valid JSON"),
                Arguments.of("plainTextBody", always(Answer.of(200, "text/plain", "Service temporarily unavailable")), "not valid JSON"),
                Arguments.of("htmlPageWithStatus200", always(Answer.of(200, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>")), "HTML page"),
                Arguments.of("emptyBodyWithStatus200", always(Answer.of(200, "application/json", "")), "empty"),
                Arguments.of("jsonNullBody", json("null"), "nothing"),
                Arguments.of("resultIsAString", json("{\"result\":\"op1,op2\"}"), "a string at 'result'"),
                Arguments.of("resultIsANumber", json("{\"result\":42}"), "a number at 'result'"),
                Arguments.of("resultHoldsScalarsNotObjects", json("{\"result\":[\"op1\",\"op2\"]}"), "a list with a string where an object"),
                Arguments.of("resultHoldsNestedLists", json("{\"result\":[[{\"id\":\"op1\"}]]}"), "a list with a list where an object"),
                Arguments.of("duplicateKeys", json("{\"result\":[{\"id\":\"op1\",\"name\":\"Ann\",\"name\":\"Eve\"}]}"), "Duplicate field"),
                Arguments.of("numberOf2000Digits", json("{\"result\":[{\"id\":\"op1\",\"n\":" + "9".repeat(2000) + "}]}"), "Number value length"),
                Arguments.of("status500EveryTime", always(Answer.of(500, "application/json", "{}")), "answered HTTP 500"),
                Arguments.of("status400", always(Answer.of(400, "application/json", "{}")), "answered HTTP 400"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableOperators")
    void anUnreadableOperatorsAnswerFailsOperatorsAloneWithOneLine(String scenario, Function<String, Answer> answer,
                                                                  String says) throws Exception {
        failsAlone("chaport.operators", "/operators", "/operators", answer, "operators", says);
    }

    @Test
    void aBodyNotJsonIsTriedAgainButOnlyMaxAttemptsTimes() throws Exception {
        failsAlone("chaport.operators", "/operators", "/operators", json("{\"result\":["), "operators", "not valid JSON");
        assertEquals(1 + 2, bed.api.requestsTo("/operators"), "one good run, then chatload.http.max-attempts = 2 tries");
    }

    @Test
    void aWellFormedAnswerOfTheWrongShapeIsNotTriedAgain() throws Exception {
        failsAlone("chaport.operators", "/operators", "/operators", json("{\"result\":\"x\"}"), "operators", "a string");
        assertEquals(1 + 1, bed.api.requestsTo("/operators"), "the same answer would come again");
    }

    @Test
    void aBodyOverTheSizeLimitFailsNamingTheSetting() throws Exception {
        bed.with("chatload.http.max-body-bytes", "4096");
        String big = "{\"result\":[{\"id\":\"op1\",\"bio\":\"" + "x".repeat(10_000) + "\"}]}";
        failsAlone("chaport.operators", "/operators", "/operators", json(big), "operators",
                "larger than 4096 bytes", "chatload.http.max-body-bytes");
    }

    @Test
    void aBodyThatNeverEndsIsCutAtTheLimitNotHeldWhole() throws Exception {
        bed.with("chatload.http.max-body-bytes", "1048576");
        bed.goodRun();
        var before = bed.snapshot();
        bed.api.endlessPath = "/operators";
        LoadSummary summary = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> bed.badRun());
        assertFailedWithOneLine(summary, "chaport.operators", "/operators", "larger than 1048576 bytes",
                "chatload.http.max-body-bytes");
        bed.assertOthersLoaded("chaport.operators");
        bed.assertKeptAndNotDoubled(before, "operators");
    }

    @Test
    void jsonNestedDeeperThanTheLimitFailsNamingTheSetting() throws Exception {
        String deep = "{\"result\":[{\"id\":\"op1\",\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}]}";
        failsAlone("chaport.operators", "/operators", "/operators", json(deep), "operators",
                "nesting depth", "chatload.http.max-json-depth");
    }

    @Test
    void aConnectionClosedWithoutAnswerFailsSayingToCheckTheBaseUrl() throws Exception {
        bed.goodRun();
        var before = bed.snapshot();
        bed.api.resetPath = "/operators";
        LoadSummary summary = bed.badRun();
        assertFailedWithOneLine(summary, "chaport.operators", "/operators", "check chatload.chaport.base-url");
        bed.assertOthersLoaded("chaport.operators");
        bed.assertKeptAndNotDoubled(before, "operators");
    }

    @Test
    void aNullResultOnThePagedVisitorsListFailsInsteadOfEndingTheListEarly() throws Exception {
        failsAlone("chaport.visitors", "/visitors", "/visitors?page=1", json("{\"result\":null,\"links\":{}}"), "visitors",
                "nothing (null or missing) at 'result'", "needs a list");
    }

    @Test
    void anObjectInsteadOfTheVisitorsListFails() throws Exception {
        failsAlone("chaport.visitors", "/visitors", "/visitors?page=1",
                json("{\"result\":{\"id\":\"v1\",\"name\":\"one\"},\"links\":{\"next\":\"/visitors?page=2\"}}"), "visitors",
                "an object at 'result'");
    }

    @Test
    void aVisitorsPageWithoutResultFails() throws Exception {
        failsAlone("chaport.visitors", "/visitors", "/visitors?page=1", json("{\"data\":[],\"links\":{}}"), "visitors",
                "nothing (null or missing) at 'result'");
    }

    @Test
    void anHtmlPageForTheWebhooksDoesNotEmptyTheReplacedTable() throws Exception {
        failsAlone("chaport.webhooks", "/events/subscriptions", "/events/subscriptions",
                always(Answer.of(200, "text/html", "<html>Bad gateway</html>")), "webhooks", "HTML page");
        assertEquals(List.of("https://hooks.example.com/g1"), bed.column("SELECT url FROM chaport_data.webhooks"));
    }

    @Test
    void aTruncatedChatListFailsTheChatsOfThatVisitorOnly() throws Exception {
        bed.goodRun();
        var before = bed.snapshot();
        bed.api.overrides.put("/visitors/v2/chats", json("{\"result\":{\"id\":1,\"stage\":\"clo"));
        LoadSummary summary = bed.badRun();
        assertFailedWithOneLine(summary, "chaport.visitor_chats", "/visitors/v2/chats", "not valid JSON");
        bed.assertOthersLoaded("chaport.visitor_chats");
        bed.assertKeptAndNotDoubled(before);
        bed.assertRowsKept(before, "chats", "visitor_id", "v2");
        bed.assertRowsKept(before, "chat_events", "visitor_id", "v2");
        assertEquals(List.of("Visitor v1 g2", "Visitor v2 g2", "Visitor v3 g2"),
                bed.column("SELECT name FROM chaport_data.visitors ORDER BY id"), "the visitors themselves loaded");
    }

    @Test
    void aBrokenEventsAnswerFailsThoseEventsAndTheNextRunFetchesThemAgain() throws Exception {
        bed.api.overrides.put("/visitors/v3/chats/1/events", json("{\"result\":[{\"id\":\"e1\",\"type\":"));
        LoadSummary summary = bed.run();
        assertFailedWithOneLine(summary, "chaport.chat_events", "/visitors/v3/chats/1/events", "not valid JSON");
        assertEquals(List.of("v1", "v2"), bed.column("SELECT visitor_id FROM chaport_data.chat_events ORDER BY visitor_id"));

        bed.api.overrides.clear();
        LoadSummary again = bed.run();
        assertTrue(!again.failed(), String.join("\n", again.lines()));
        assertEquals(1, BadInputBed.outcome(again, "chaport.chat_events").requests(),
                "the events that failed, and only they, are fetched again");
        assertEquals(List.of("v1", "v2", "v3"), bed.column("SELECT visitor_id FROM chaport_data.chat_events ORDER BY visitor_id"));
        bed.assertNoDuplicates();
    }

    static Stream<Arguments> dataNotAList() {
        return Stream.of(Arguments.of("dataIsNull", "{\"data\":null}", "nothing (null or missing) at 'data'"),
                Arguments.of("dataIsAnObject", "{\"data\":{\"id\":1,\"label\":\"one\"}}", "an object at 'data'"),
                Arguments.of("dataIsMissing", "{\"items\":[]}", "nothing (null or missing) at 'data'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataNotAList")
    void aPagedListWhoseDataIsNotAListFailsAlone(String scenario, String body, String says) throws Exception {
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
        bed.goodRun();
        var before = bed.snapshot();
        assertEquals(3, before.get("things").size());
        bed.api.overrides.put("/things", json(body));
        LoadSummary summary = bed.badRun();
        assertFailedWithOneLine(summary, "chaport.things", "/things?page=1&per_page=2", says, "needs a list");
        bed.assertOthersLoaded("chaport.things");
        bed.assertKeptAndNotDoubled(before, "things");
    }

    @Test
    void aRefusedTokenFailsWithOneLineNamingTheSetting() throws Exception {
        bed.goodRun();
        var before = bed.snapshot();
        bed.api.overrides.put("/operators", always(Answer.of(401, "application/json", "{\"error\":{\"code\":401}}")));
        LoadSummary summary = bed.badRun();
        assertTrue(summary.failed());
        String error = BadInputBed.outcome(summary, "chaport.operators").error();
        assertTrue(error.equals("chaport.operators: GET /api/v1/operators answered HTTP 401: the API refused the credential: "
                + "check chatload.chaport.token"), error);
        bed.assertKeptAndNotDoubled(before, "operators");
    }
}
