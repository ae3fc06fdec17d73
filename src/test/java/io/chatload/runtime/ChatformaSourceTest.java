package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.ChatformaEnvelope;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Chatforma table against the sandbox: per-bot fan-out, paging, envelopes, and incremental dialogs. */
class ChatformaSourceTest {

    private static final Path ROUTES = Path.of("routes");
    private static final String SCHEMA = "chatforma_data";

    @TempDir
    Path dir;

    private TestPipeline pipeline(SandboxServer sandbox) throws Exception {
        return TestPipeline.once(TestPipeline.config(sandbox, dir, ROUTES, Map.of("CHAPORT_TOKEN", "")));
    }

    /** The sandbox's records of each bot, with the parent keys the loader adds from the request. */
    static void assertEqualsTruth(DataSource db, SandboxData data) throws Exception {
        ExpectedTable.assertAllLoaded(db, ExpectedTable.chatforma(data));
    }

    @ParameterizedTest
    @EnumSource(ChatformaEnvelope.class)
    void everyTableEqualsTheTruthUnderEitherEnvelope(ChatformaEnvelope envelope) throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withBotUsers(230).withChatformaEnvelope(envelope));
             TestPipeline p = pipeline(sandbox)) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            assertTrue(sandbox.stats().get("GET /chatforma/public/v1/bots/{botId}/users") > sandbox.data().chatformaBots().size(),
                    "users come in several pages of 100");
        }
    }

    @Test
    void aServerThatIgnoresThePageEndsTheListWithAWarningAndNoDuplicates() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withBotUsers(230).withChatformaIgnorePage(true));
             TestPipeline p = pipeline(sandbox)) {
            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertTrue(summary.warnings().stream().anyMatch(w -> w.startsWith("chatforma.users: the API answered")
                    && w.contains("with the previous page again (it ignores page)")), summary.warnings().toString());
            long bots = sandbox.data().chatformaBots().size();
            assertEquals(3 * bots, (long) sandbox.stats().get("GET /chatforma/public/v1/bots/{botId}/users"),
                    "per bot: the live users' page 1 and its repeat, and the deleted users' one short page");
            Truth.rowsByKey(p.destination.dataSource(), SCHEMA, "users", List.of("bot_id", "id")); // fails on duplicates
        }
    }

    @Test
    void unchangedDialogsAreNotFetchedAgainAndNewMessagesInThreeAreLoadedExactly() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
             TestPipeline p = pipeline(sandbox)) {
            assertFalse(p.runOnce().failed());
            String messagesKey = "GET /chatforma/public/v1/bots/{botId}/dialogs/{botUserId}/messages";
            String listKey = "GET /chatforma/public/v1/bots/{botId}/dialogs/users";
            Map<String, Long> first = sandbox.stats();
            List<Map<String, Object>> before = Truth.query(p.destination.dataSource(),
                    "SELECT * FROM chatforma_data.user_messages ORDER BY bot_id, bot_user_id, id");

            LoadSummary second = p.runOnce();
            assertFalse(second.failed(), String.join("\n", second.lines()));
            Map<String, Long> afterSecond = sandbox.stats();
            assertEquals(first.get(messagesKey), afterSecond.get(messagesKey), "no message page of an unchanged dialog");
            assertTrue(afterSecond.get(listKey) > first.get(listKey), "the dialog lists are read again");
            assertEquals(before, Truth.query(p.destination.dataSource(),
                    "SELECT * FROM chatforma_data.user_messages ORDER BY bot_id, bot_user_id, id"), "no message row changed");

            List<Map<String, Object>> changed = sandbox.data().addDialogMessages(3, 5);
            assertEquals(3, changed.size());
            LoadSummary third = p.runOnce();
            assertFalse(third.failed(), String.join("\n", third.lines()));
            assertEquals(3, sandbox.stats().get(messagesKey) - afterSecond.get(messagesKey), "one page for each changed dialog");
            assertEqualsTruth(p.destination.dataSource(), sandbox.data());
        }
    }
}
