package io.chatload.testing;

import io.chatload.sandbox.SandboxData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A table as the sandbox's truth says the shipped routes must load it: its key and its records, with the parent keys
 * the loader adds (visitor details in {@code visitors}, chats without their events, which {@code chat_events} holds).
 */
public record ExpectedTable(String schema, String table, List<String> key, List<Map<String, Object>> rows) {
    public static final String CHAPORT = "chaport_data";
    public static final String CHATFORMA = "chatforma_data";

    /** Row for row and field for field, child lists included; Truth fails on a duplicate key. */
    public void assertLoaded(DataSource db) throws SQLException {
        Truth.assertTableEquals(db, schema, table, key, rows);
    }

    public String name() {
        return schema + "." + table;
    }

    /** Every Chaport and Chatforma table the routes load, as the sandbox serves it now. */
    public static List<ExpectedTable> of(SandboxData data) {
        List<ExpectedTable> tables = new ArrayList<>(chaport(data));
        tables.addAll(chatforma(data));
        return tables;
    }

    /** Asserts every table of the list is loaded as expected. */
    public static void assertAllLoaded(DataSource db, List<ExpectedTable> tables) throws SQLException {
        for (ExpectedTable table : tables) {
            table.assertLoaded(db);
        }
    }

    public static List<ExpectedTable> chaport(SandboxData data) {
        return chaport(data, CHAPORT);
    }

    /** The Chaport tables as one account's source loads them into its schema. */
    public static List<ExpectedTable> chaport(SandboxData data, String schema) {
        List<Map<String, Object>> visitors = new ArrayList<>();
        List<Map<String, Object>> chats = new ArrayList<>();
        List<Map<String, Object>> events = new ArrayList<>();
        for (Map<String, Object> listed : data.chaportVisitors()) {
            String visitorId = (String) listed.get("id");
            visitors.add(data.chaportVisitor(visitorId));
            for (Map<String, Object> chat : data.chaportChats(visitorId)) {
                Map<String, Object> row = new LinkedHashMap<>(chat);
                row.remove("events"); // loaded into chat_events
                row.put("visitor_id", visitorId);
                chats.add(row);
                for (Map<String, Object> event : data.chaportEvents(visitorId, ((Number) chat.get("id")).intValue())) {
                    Map<String, Object> eventRow = new LinkedHashMap<>(event);
                    eventRow.put("visitor_id", visitorId);
                    eventRow.put("chat_id", chat.get("id"));
                    events.add(eventRow);
                }
            }
        }
        return List.of(
                new ExpectedTable(schema, "operators", List.of("id"), data.chaportOperators()),
                new ExpectedTable(schema, "visitors", List.of("id"), visitors),
                new ExpectedTable(schema, "chats", List.of("visitor_id", "id"), chats),
                new ExpectedTable(schema, "chat_events", List.of("visitor_id", "chat_id", "id"), events),
                new ExpectedTable(schema, "webhooks", List.of("id"), data.chaportSubscriptions()));
    }

    public static List<ExpectedTable> chatforma(SandboxData data) {
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> dialogs = new ArrayList<>();
        List<Map<String, Object>> forms = new ArrayList<>();
        List<Map<String, Object>> segments = new ArrayList<>();
        List<Map<String, Object>> messages = new ArrayList<>();
        List<Map<String, Object>> userMessages = new ArrayList<>();
        for (Map<String, Object> bot : data.chatformaBots()) {
            int botId = ((Number) bot.get("id")).intValue();
            addWith(users, data.chatformaUsers(botId), "bot_id", botId);
            addWith(dialogs, data.chatformaDialogs(botId), "bot_id", botId);
            addWith(forms, data.chatformaForms(botId), "bot_id", botId);
            addWith(segments, data.chatformaSegments(botId), "bot_id", botId);
            addWith(messages, data.chatformaMessages(botId), "bot_id", botId);
            for (Map<String, Object> dialog : data.chatformaDialogs(botId)) {
                int userId = ((Number) dialog.get("id")).intValue();
                List<Map<String, Object>> ofDialog = new ArrayList<>();
                addWith(ofDialog, data.chatformaDialogMessages(botId, userId), "bot_id", botId);
                addWith(userMessages, ofDialog, "bot_user_id", userId);
            }
        }
        List<String> perBot = List.of("bot_id", "id");
        return List.of(
                new ExpectedTable(CHATFORMA, "bots", List.of("id"), data.chatformaBots()),
                new ExpectedTable(CHATFORMA, "users", perBot, users),
                new ExpectedTable(CHATFORMA, "dialogs", perBot, dialogs),
                new ExpectedTable(CHATFORMA, "forms", perBot, forms),
                new ExpectedTable(CHATFORMA, "segments", perBot, segments),
                new ExpectedTable(CHATFORMA, "messages", perBot, messages),
                new ExpectedTable(CHATFORMA, "user_messages", List.of("bot_id", "bot_user_id", "id"), userMessages));
    }

    private static void addWith(List<Map<String, Object>> into, List<Map<String, Object>> records, String field,
                                Object value) {
        for (Map<String, Object> record : records) {
            Map<String, Object> row = new LinkedHashMap<>(record);
            row.put(field, value);
            into.add(row);
        }
    }
}
