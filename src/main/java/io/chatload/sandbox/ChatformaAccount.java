package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the sandbox serves per Chatforma bot (users, open dialogs and their messages, forms, segments,
 * predefined messages) plus the dispatches clients sent. Generated once from the seed; changed by tests (new dialog
 * messages) and by the dispatch endpoint. Every method holds the account's lock and every record handed out is a
 * read-only snapshot.
 */
final class ChatformaAccount {
    /** Open dialogs are listed most recent message first; the user id breaks ties so pages stay stable. */
    private static final Comparator<Dialog> DIALOG_ORDER = Comparator.comparing(Dialog::lastMessageCreatedAt)
            .reversed().thenComparingInt(Dialog::botUserId);

    private final Map<Integer, Bot> bots;
    private final MutationClock clock;
    private final List<Map<String, Object>> dispatches = new ArrayList<>();
    private int nextMessageId;
    private int nextDispatchId;
    /** Built on demand and dropped by every change. */
    private Map<String, List<Map<String, Object>>> truthSnapshot;

    private ChatformaAccount(Map<Integer, Bot> bots, MutationClock clock, int nextMessageId, int nextDispatchId) {
        this.bots = bots;
        this.clock = clock;
        this.nextMessageId = nextMessageId;
        this.nextDispatchId = nextDispatchId;
    }

    static ChatformaAccount generate(SandboxConfig config, List<Map<String, Object>> bots, MutationClock clock) {
        long seed = config.seed();
        BotAudienceGenerator audience = new BotAudienceGenerator(new SeededRandom(seed, "chatforma.audience"));
        BotCatalogGenerator catalogs = new BotCatalogGenerator(new SeededRandom(seed, "chatforma.catalog"));
        SeededRandom ids = new SeededRandom(seed, "chatforma.ids");

        record Planned(int botId, List<Map<String, Object>> users, List<Map<String, Object>> talking,
                       BotCatalog catalog) {
        }
        List<Planned> planned = new ArrayList<>(bots.size());
        List<MessageDraft> drafts = new ArrayList<>();
        for (Map<String, Object> bot : bots) {
            int botId = (Integer) bot.get("id");
            List<Map<String, Object>> users = audience.users((String) bot.get("type"), config.botUsers());
            List<Map<String, Object>> live = users.stream().filter(user -> user.get("deletedAt") == null).toList();
            List<Map<String, Object>> talking = audience.pick(live, Math.min(config.botDialogs(), live.size()));
            talking.forEach(user -> drafts.addAll(audience.dialog(botId, user)));
            planned.add(new Planned(botId, users, talking, catalogs.catalog()));
        }

        // message ids count up across the account in the order the messages were written
        drafts.sort(Comparator.comparingLong(MessageDraft::createdAt));
        int messageId = ids.between(9_000_000, 9_900_000);
        Map<List<Integer>, List<Map<String, Object>>> byDialog = new HashMap<>();
        for (MessageDraft draft : drafts) {
            byDialog.computeIfAbsent(List.of(draft.botId(), draft.botUserId()), key -> new ArrayList<>())
                    .add(0, draft.numbered(messageId++));
        }
        Map<Integer, Bot> accounts = new LinkedHashMap<>();
        for (Planned p : planned) {
            Bot bot = new Bot(p.users(), p.catalog());
            for (Map<String, Object> user : p.talking()) {
                Dialog dialog = Dialog.of(p.botId(), user, byDialog.get(List.of(p.botId(), (Integer) user.get("id"))));
                bot.dialogs.put(dialog.botUserId(), dialog);
            }
            accounts.put(p.botId(), bot);
        }
        return new ChatformaAccount(accounts, clock, messageId, ids.between(40_000, 60_000));
    }

    synchronized boolean hasBot(int botId) {
        return bots.containsKey(botId);
    }

    /** All the bot's users in id order, deleted ones included; empty for an unknown bot. */
    synchronized List<Map<String, Object>> users(int botId) {
        Bot bot = bots.get(botId);
        return bot == null ? List.of() : bot.users;
    }

    /** The live users, or with {@code deleted} only the deleted ones, as {@code ?deleted=1} asks. */
    synchronized List<Map<String, Object>> users(int botId, boolean deleted) {
        return users(botId).stream().filter(user -> (user.get("deletedAt") != null) == deleted).toList();
    }

    /** Open dialogs, most recent message first; empty for an unknown bot. */
    synchronized List<Map<String, Object>> dialogs(int botId) {
        Bot bot = bots.get(botId);
        if (bot == null) {
            return List.of();
        }
        if (bot.dialogList == null) {
            bot.dialogList = bot.dialogs.values().stream().sorted(DIALOG_ORDER).map(Dialog::record).toList();
        }
        return bot.dialogList;
    }

    /** Null when the bot is unknown or has no open dialog with that user. */
    synchronized Dialog dialog(int botId, int botUserId) {
        Bot bot = bots.get(botId);
        return bot == null ? null : bot.dialogs.get(botUserId);
    }

    /** Null for an unknown bot. */
    synchronized BotCatalog catalog(int botId) {
        Bot bot = bots.get(botId);
        return bot == null ? null : bot.catalog;
    }

    /**
     * Records a text dispatch to a segment (0 = all the bot's users) and returns it as the API does.
     *
     * @return empty for an unknown bot or segment
     */
    synchronized Optional<Map<String, Object>> dispatch(int botId, int segmentId, String content) {
        Bot bot = bots.get(botId);
        if (bot == null || !bot.catalog.hasSegment(segmentId)) {
            return Optional.empty();
        }
        String now = Timestamps.iso(clock.advance(1_000));
        Map<String, Object> destination = new LinkedHashMap<>();
        destination.put("listId", segmentId);
        destination.put("userId", null);
        Map<String, Object> dispatch = new LinkedHashMap<>();
        dispatch.put("id", nextDispatchId++);
        dispatch.put("botId", botId);
        dispatch.put("name", "API dispatch");
        dispatch.put("type", "text");
        dispatch.put("status", "scheduled");
        // without run_at a dispatch is due at once
        dispatch.put("runAt", now);
        dispatch.put("createdAt", now);
        dispatch.put("updatedAt", now);
        dispatch.put("delivered", 0);
        dispatch.put("undelivered", 0);
        dispatch.put("error", null);
        dispatch.put("destination", Collections.unmodifiableMap(destination));
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "text");
        text.put("content", content);
        dispatch.put("data", List.of(Collections.unmodifiableMap(text)));
        Map<String, Object> recorded = Collections.unmodifiableMap(dispatch);
        dispatches.add(recorded);
        truthSnapshot = null;
        return Optional.of(recorded);
    }

    synchronized List<Map<String, Object>> dispatches() {
        return List.copyOf(dispatches);
    }

    /**
     * Adds one to four messages, written now, to each of {@code dialogCount} open dialogs picked by the seed across
     * all bots (all of them when there are fewer), which moves those dialogs to the top of their bot's list.
     *
     * @return the changed dialog records, most recent first
     */
    synchronized List<Map<String, Object>> addDialogMessages(int dialogCount, long seed) {
        if (dialogCount < 0) {
            throw new IllegalArgumentException("dialogCount must not be negative, got " + dialogCount);
        }
        SeededRandom random = new SeededRandom(seed, "chatforma.messages.added");
        BotAudienceGenerator audience = new BotAudienceGenerator(random);
        List<Dialog> candidates = new ArrayList<>();
        bots.values().forEach(bot -> bot.dialogs.values().stream().sorted(DIALOG_ORDER).forEach(candidates::add));
        List<Map<String, Object>> changed = new ArrayList<>();
        for (int i = Math.min(dialogCount, candidates.size()); i > 0; i--) {
            Dialog dialog = candidates.remove(random.below(candidates.size()));
            List<Map<String, Object>> newer = audience.continuation(dialog.botId(), dialog.user(), clock).stream()
                    .map(draft -> draft.numbered(nextMessageId++))
                    .toList();
            Dialog updated = dialog.with(newer);
            Bot bot = bots.get(dialog.botId());
            bot.dialogs.put(updated.botUserId(), updated);
            bot.dialogList = null;
            changed.add(0, updated.record());
        }
        truthSnapshot = null;
        return List.copyOf(changed);
    }

    /**
     * Puts every list the API serves, across all bots in bot order. Child records carry their parent's ids as the
     * served records do not: {@code botId} on users, forms, segments and messages, {@code botUserId} on dialog
     * messages (which already carry {@code botId}).
     */
    synchronized void putTruth(Map<String, Object> chatforma) {
        if (truthSnapshot == null) {
            truthSnapshot = truthLists();
        }
        chatforma.putAll(truthSnapshot);
    }

    private Map<String, List<Map<String, Object>>> truthLists() {
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> dialogs = new ArrayList<>();
        List<Map<String, Object>> dialogMessages = new ArrayList<>();
        List<Map<String, Object>> forms = new ArrayList<>();
        List<Map<String, Object>> segments = new ArrayList<>();
        List<Map<String, Object>> messages = new ArrayList<>();
        bots.forEach((botId, bot) -> {
            bot.users.forEach(user -> users.add(JsonMaps.withFirst("botId", botId, user)));
            for (Map<String, Object> record : dialogs(botId)) {
                dialogs.add(record);
                int botUserId = (Integer) record.get("id");
                bot.dialogs.get(botUserId).messages().forEach(message ->
                        dialogMessages.add(JsonMaps.withFirst("botUserId", botUserId, message)));
            }
            bot.catalog.forms().forEach(form -> forms.add(JsonMaps.withFirst("botId", botId, form)));
            bot.catalog.segments().forEach(segment -> segments.add(JsonMaps.withFirst("botId", botId, segment)));
            bot.catalog.messages().forEach(message -> messages.add(JsonMaps.withFirst("botId", botId, message)));
        });
        Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
        lists.put("users", List.copyOf(users));
        lists.put("dialogs", List.copyOf(dialogs));
        lists.put("dialogMessages", List.copyOf(dialogMessages));
        lists.put("forms", List.copyOf(forms));
        lists.put("segments", List.copyOf(segments));
        lists.put("messages", List.copyOf(messages));
        lists.put("dispatches", List.copyOf(dispatches));
        return Collections.unmodifiableMap(lists);
    }

    /** One bot's state; only touched under the account's lock. */
    private static final class Bot {
        final List<Map<String, Object>> users;
        final BotCatalog catalog;
        final Map<Integer, Dialog> dialogs = new HashMap<>();
        /** The served order of dialogs, rebuilt after a change. */
        List<Map<String, Object>> dialogList;

        Bot(List<Map<String, Object>> users, BotCatalog catalog) {
            this.users = users;
            this.catalog = catalog;
        }
    }
}
