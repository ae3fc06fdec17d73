package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of one sandbox: the very records its endpoints serve, generated deterministically from the seed
 * and counts of a {@link SandboxConfig} (same config, byte-identical JSON). Each kind of record draws from its own
 * random stream, so adding chats or Chatforma users did not change the operators, visitors or bots of a seed.
 *
 * <p>Some data changes while the sandbox runs: through the API ({@code POST /messages}, hooks, dispatches) and through
 * the mutation methods tests call ({@link #addChats}, {@link #addVisitorField}, {@link #addDialogMessages}). Those
 * changes are thread-safe and take their times from a clock that starts after all generated data, so the same
 * changes give the same data on every run. Every record and list returned is a read-only snapshot: it never changes
 * under its reader, and a later call returns the data as it is then. Lists are empty and single records null for
 * unknown ids.
 */
public final class SandboxData {
    private final List<Map<String, Object>> operators;
    private final Map<String, Map<String, Object>> operatorsById;
    private final List<Map<String, Object>> bots;
    private final ChaportAccount chaport;
    private final HookStore hooks;
    private final ChatformaAccount chatforma;
    private final FormCompletions formCompletions;
    private final WebhookDeliveries webhooks;

    private SandboxData(List<Map<String, Object>> operators, List<Map<String, Object>> bots, ChaportAccount chaport,
                        HookStore hooks, ChatformaAccount chatforma, MutationClock clock) {
        this.operators = operators;
        this.bots = bots;
        Map<String, Map<String, Object>> operatorIndex = new HashMap<>();
        operators.forEach(operator -> operatorIndex.put((String) operator.get("id"), operator));
        this.operatorsById = Collections.unmodifiableMap(operatorIndex);
        this.chaport = chaport;
        this.hooks = hooks;
        this.chatforma = chatforma;
        this.formCompletions = new FormCompletions(bots, chatforma, clock);
        this.webhooks = new WebhookDeliveries(hooks);
    }

    public static SandboxData generate(SandboxConfig config) {
        long seed = config.seed();
        MutationClock clock = new MutationClock();
        List<Map<String, Object>> operators =
                new OperatorGenerator(new SeededRandom(seed, "chaport.operators")).generate(config.operators());
        List<GeneratedVisitor> visitors =
                new VisitorGenerator(new SeededRandom(seed, "chaport.visitors")).generate(config.visitors());
        List<Map<String, Object>> bots =
                new BotGenerator(new SeededRandom(seed, "chatforma.bots")).generate(config.bots());
        List<String> operatorIds = operators.stream().map(operator -> (String) operator.get("id")).toList();
        return new SandboxData(operators, bots,
                ChaportAccount.generate(seed, visitors, operatorIds, config.chaportSwitches().teamIdsInChats(), clock),
                HookStore.generate(seed, clock),
                ChatformaAccount.generate(config, bots, clock), clock);
    }

    /** Exactly what {@code GET /operators} serves, in the same order and key order. */
    public List<Map<String, Object>> chaportOperators() {
        return operators;
    }

    /** What {@code GET /operators/{id}} serves, or null for an unknown id. */
    public Map<String, Object> chaportOperator(String id) {
        return operatorsById.get(id);
    }

    /** All pages of {@code GET /visitors} in list form, most recent chat first. */
    public List<Map<String, Object>> chaportVisitors() {
        return chaport.visitors();
    }

    /** What {@code GET /visitors/{id}} serves (the detail form), or null for an unknown id. */
    public Map<String, Object> chaportVisitor(String id) {
        return chaport.visitor(id);
    }

    /**
     * Every chat of the visitor with its events, newest first: the first is what {@code GET /visitors/{id}/chats}
     * serves as {@code result}, the rest are its {@code links.more}. Empty for a visitor without chats.
     */
    public List<Map<String, Object>> chaportChats(String visitorId) {
        return chaport.chats(visitorId);
    }

    /** What {@code GET /visitors/{id}/chats/{chatId}} serves, or null. */
    public Map<String, Object> chaportChat(String visitorId, int chatId) {
        return chaport.chat(visitorId, chatId);
    }

    /** What {@code GET /visitors/{id}/chats/{chatId}/events} serves: the chat's events in chronological order. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> chaportEvents(String visitorId, int chatId) {
        Map<String, Object> chat = chaport.chat(visitorId, chatId);
        return chat == null ? List.of() : (List<Map<String, Object>>) chat.get("events");
    }

    /** What {@code GET /events/subscriptions} serves: the hooks, in creation order. */
    public List<Map<String, Object>> chaportSubscriptions() {
        return hooks.list();
    }

    /** What {@code POST /messages} delivered, in order; repeated {@code externalId}s are not in it. */
    public List<SentMessage> sentMessages() {
        return chaport.sentMessages();
    }

    /** How many {@code POST /messages} repeated an earlier {@code externalId} and so delivered nothing. */
    public int suppressedDuplicateMessages() {
        return chaport.suppressedDuplicates();
    }

    /**
     * Starts a new chat, with events happening now, for each of {@code visitorCount} visitors the seed picks (all
     * visitors when there are fewer); an open chat they had is closed first. Their {@code lastChatAt} becomes the new
     * chat's last event time, which moves them to the top of {@code GET /visitors}.
     *
     * @return the ids of those visitors, as {@code GET /visitors} now begins
     */
    public List<String> addChats(int visitorCount, long seed) {
        List<ChatChange> changes = new ArrayList<>();
        List<String> touched = chaport.addChats(visitorCount, seed, changes);
        changes.forEach(change -> webhooks.chaport(change.event(), change.visitorId(), change.chatId()));
        return touched;
    }

    /**
     * Makes {@code count} form completions happen now, each by a live user of a bot with forms, picked by the seed,
     * and delivers each to the Chatforma webhook targets ({@link #webhooks()}) before returning.
     *
     * @return the completions, as Chatforma delivers them
     */
    public List<Map<String, Object>> addFormCompletions(int count, long seed) {
        List<Map<String, Object>> added = formCompletions.add(count, seed);
        added.forEach(webhooks::formCompleted);
        return added;
    }

    /**
     * Where webhooks go and what went: {@link #addChats} delivers chat.started / chat.finished, and
     * {@link #addFormCompletions} form completions, before they return.
     */
    public WebhookDeliveries webhooks() {
        return webhooks;
    }

    /**
     * Adds a field to every visitor, after the fields it had in list form, as when an account starts collecting
     * a new custom property. The value should be immutable; it is served as is.
     *
     * @throws IllegalArgumentException when the key is blank or visitors already have that field
     */
    public void addVisitorField(String key, Object value) {
        chaport.addVisitorField(key, value);
    }

    /** Exactly what Chatforma's {@code GET /bots} serves. */
    public List<Map<String, Object>> chatformaBots() {
        return bots;
    }

    /**
     * The bot's users in id order, deleted ones included: {@code GET /bots/{botId}/users} serves the live ones
     * ({@code deletedAt} null), and with {@code deleted=1} the others.
     */
    public List<Map<String, Object>> chatformaUsers(int botId) {
        return chatforma.users(botId);
    }

    /** All pages of {@code GET /bots/{botId}/dialogs/users}: open dialogs, most recent message first. */
    public List<Map<String, Object>> chatformaDialogs(int botId) {
        return chatforma.dialogs(botId);
    }

    /** All pages of {@code GET /bots/{botId}/dialogs/{botUserId}/messages}: newest first. */
    public List<Map<String, Object>> chatformaDialogMessages(int botId, int botUserId) {
        Dialog dialog = chatforma.dialog(botId, botUserId);
        return dialog == null ? List.of() : dialog.messages();
    }

    /** What {@code GET /forms?botId=} serves. */
    public List<Map<String, Object>> chatformaForms(int botId) {
        BotCatalog catalog = chatforma.catalog(botId);
        return catalog == null ? List.of() : catalog.forms();
    }

    /** What {@code GET /bots/{botId}/segments} serves; segment 0 (all users) is implicit and not listed. */
    public List<Map<String, Object>> chatformaSegments(int botId) {
        BotCatalog catalog = chatforma.catalog(botId);
        return catalog == null ? List.of() : catalog.segments();
    }

    /** What {@code GET /bots/{botId}/messages} serves: the bot's predefined messages, not its chat history. */
    public List<Map<String, Object>> chatformaMessages(int botId) {
        BotCatalog catalog = chatforma.catalog(botId);
        return catalog == null ? List.of() : catalog.messages();
    }

    /** Every dispatch {@code POST /bots/{botId}/segments/{segmentId}/dispatch} created, as it answered, in order. */
    public List<Map<String, Object>> dispatches() {
        return chatforma.dispatches();
    }

    /**
     * Adds one to four messages, written now, to each of {@code dialogCount} open dialogs the seed picks across all
     * bots (all dialogs when there are fewer). Their {@code message}, {@code lastMessageCreatedAt} and
     * {@code updatedAt} follow, which moves them to the top of their bot's dialog list.
     *
     * @return the changed dialog records, most recent first
     */
    public List<Map<String, Object>> addDialogMessages(int dialogCount, long seed) {
        return chatforma.addDialogMessages(dialogCount, seed);
    }

    /**
     * Everything served, as {@code /_sandbox/truth} serves it:
     * {@code {"chaport":{"operators","visitors","chats","webhooks"},
     * "chatforma":{"bots","users","dialogs","dialogMessages","forms","segments","messages","dispatches",
     * "formCompletions"}}}.
     * Child records name their parent as the served ones do not: chats start with {@code visitorId}; users, forms,
     * segments and predefined messages with {@code botId}; dialog messages with {@code botUserId}. Chats and dialog
     * messages come in crawl order: by parent as listed, newest first.
     */
    public Map<String, Object> truth() {
        Map<String, Object> chaportTruth = new LinkedHashMap<>();
        chaportTruth.put("operators", operators);
        chaport.putTruth(chaportTruth);
        chaportTruth.put("webhooks", hooks.list());
        Map<String, Object> chatformaTruth = new LinkedHashMap<>();
        chatformaTruth.put("bots", bots);
        chatforma.putTruth(chatformaTruth);
        chatformaTruth.put("formCompletions", formCompletions.all());
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("chaport", Collections.unmodifiableMap(chaportTruth));
        truth.put("chatforma", Collections.unmodifiableMap(chatformaTruth));
        return Collections.unmodifiableMap(truth);
    }

    ChaportAccount chaportAccount() {
        return chaport;
    }

    HookStore hookStore() {
        return hooks;
    }

    ChatformaAccount chatformaAccount() {
        return chatforma;
    }
}
