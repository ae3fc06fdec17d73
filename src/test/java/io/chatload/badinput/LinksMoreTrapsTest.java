package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.badinput.StubChaport.Answer;
import io.chatload.engine.LoadSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A visitor's {@code links.more} that points at a chat the API no longer has, at twelve thousand chats, or at the
 * API's own host with credentials in the URL: the gone chat alone is skipped, the list is cut at {@code maxPages}
 * with the visitor fetched again next run, the link with user-info is never requested. None of them fails the load,
 * loses a chat or loads one twice.
 */
class LinksMoreTrapsTest {

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

    private static String chatWithMore(int id, List<String> more) {
        return "{\"result\":" + StubChaport.chat(id) + ",\"links\":{\"more\":["
                + String.join(",", more.stream().map(m -> "\"" + m + "\"").toList()) + "]}}";
    }

    private static String chatPath(int id) {
        return StubChaport.PREFIX + "/visitors/v1/chats/" + id;
    }

    private static LoadSummary completed(LoadSummary summary) {
        assertFalse(summary.failed(), String.join("\n", summary.lines()));
        return summary;
    }

    private List<Object> chatsOfV1() throws Exception {
        return bed.column("SELECT id FROM chaport_data.chats WHERE visitor_id = 'v1' ORDER BY CAST(id AS INT)");
    }

    @Test
    void aGoneChatInLinksMoreIsSkippedAloneAndTheVisitorsOtherChatsLoad() throws Exception {
        bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json(chatWithMore(1, List.of(chatPath(2), chatPath(3)))));
        bed.api.overrides.put("/visitors/v1/chats/2", q -> Answer.of(404, "application/json", "{\"error\":{\"code\":404}}"));

        LoadSummary first = completed(bed.run());
        assertEquals(List.of("1", "3"), chatsOfV1(), "the chat after the gone one is loaded");
        assertEquals(List.of("e3"), bed.column("SELECT id FROM chaport_data.chat_events WHERE visitor_id = 'v1' AND chat_id = 3"));
        assertTrue(first.warnings().contains("chaport.visitor_chats: GET " + chatPath(2) + " answered HTTP 404: skipped"),
                String.join("\n", first.lines()));

        Map<String, List<Map<String, Object>>> before = bed.snapshot();
        completed(bed.run());
        bed.assertKeptAndNotDoubled(before, "chats", "chat_events");
        assertEquals(1, bed.api.requestsTo("/visitors/v1/chats/3"), "chat 3 is loaded once");

        bed.api.overrides.remove("/visitors/v1/chats/2"); // the chat is back: a full refresh loads it beside the others
        completed(bed.pipeline().runOnceFullRefresh());
        assertEquals(List.of("1", "2", "3"), chatsOfV1());
        bed.assertNoDuplicates();
    }

    @Test
    void aFailedChatInLinksMoreHoldsTheVisitorBackForTheNextRun() throws Exception {
        bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json(chatWithMore(1, List.of(chatPath(2)))));
        bed.api.overrides.put("/visitors/v1/chats/2", q -> Answer.of(500, "application/json", "{}"));
        assertTrue(bed.run().failed(), "a 500 after the last try fails the load");

        bed.api.overrides.remove("/visitors/v1/chats/2");
        completed(bed.run());
        assertEquals(List.of("1", "2"), chatsOfV1(), "the next run fetches the visitor's chats again");
        bed.assertNoDuplicates();
    }

    @Test
    @Timeout(120) // following all 12 000 links (and their events) takes many minutes
    void twelveThousandLinksMoreUrlsStopAtMaxPagesAndTheNextRunGoesOn() throws Exception {
        String shipped = Files.readString(Path.of("routes/chaport/visitor_chats.yaml"));
        bed.withResource("visitor_chats.yaml", shipped + "      - {name: maxPages, value: \"5\"}\n");
        List<String> more = IntStream.rangeClosed(2, 12_001).mapToObj(LinksMoreTrapsTest::chatPath).toList();
        bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json(chatWithMore(1, more)));

        LoadSummary first = completed(bed.run());
        assertEquals(5, bed.api.requests.stream().filter(r -> r.startsWith(StubChaport.PREFIX + "/visitors/v1/chats")
                && !r.endsWith("/events")).count(), "maxPages = 5: the latest chat and four older ones");
        assertEquals(List.of("1", "2", "3", "4", "5"), chatsOfV1());
        assertTrue(first.warnings().stream().anyMatch(w -> w.startsWith("chaport.visitor_chats: GET "
                + StubChaport.PREFIX + "/visitors/v1/chats ") && w.contains("stopped after 5 pages")
                && w.contains("maxPages")), String.join("\n", first.lines()));

        completed(bed.run()); // the visitor's cursor did not move: its chats are asked again, the loaded ones skipped
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), chatsOfV1());
        assertEquals(1, bed.api.requestsTo("/visitors/v1/chats/2"), "a loaded chat is not fetched again");
        bed.assertNoDuplicates();
    }

    @Test
    void aSameHostLinkWithUserInfoIsRefusedWithoutARequest() throws Exception {
        String withUserInfo = "http://someone:hunter2@127.0.0.1:" + bed.api.port() + chatPath(2);
        bed.api.overrides.put("/visitors/v1/chats", q -> Answer.json(chatWithMore(1, List.of(withUserInfo, chatPath(3)))));

        LoadSummary summary = completed(bed.run());
        assertEquals(0, bed.api.requestsTo("/visitors/v1/chats/2"), "never requested");
        assertEquals(List.of("1", "3"), chatsOfV1(), "the other link is still followed");
        String lines = String.join("\n", summary.lines());
        assertEquals(1, summary.warnings().stream().filter(w -> w.startsWith("chaport.visitor_chats: skipped a links.more URL")
                && w.contains("user-info")).count(), lines);
        assertFalse(lines.contains("hunter2") || lines.contains("someone"), "the URL's credential is not repeated: " + lines);
    }
}
