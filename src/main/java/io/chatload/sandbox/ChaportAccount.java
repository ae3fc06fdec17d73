package io.chatload.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Chaport visitors and their chats as the sandbox serves them, plus the messages sent through the API. Generated
 * once from the seed, then changed by tests (new chats, a new visitor field) and by {@code POST /messages}. Every
 * method holds the account's lock and every record handed out is a read-only snapshot, so server threads and tests
 * never see half a change, and a visitor's {@code lastChatAt} always is its latest chat's last event time.
 */
final class ChaportAccount {
    /** Chat ids count up across the account, in the order the chats started. */
    private static final int FIRST_CHAT_ID = 1_000;

    private final Map<String, Visitor> visitorsById = new HashMap<>();
    /** Most recent chat first. A change always moves its visitor to the front, as the clock only moves forward. */
    private final List<Visitor> order;
    private final Map<String, Object> addedFields = new LinkedHashMap<>();
    private final List<String> operatorIds;
    private final List<String> teamIds;
    private final MutationClock clock;
    private final List<SentMessage> sent = new ArrayList<>();
    private int suppressedDuplicates;
    private int nextChatId;
    /** Built on demand and dropped by every change, so a burst of changes costs one rebuild. */
    private List<Map<String, Object>> visitorsSnapshot;
    private List<Map<String, Object>> chatsSnapshot;

    private ChaportAccount(List<Visitor> order, List<String> operatorIds, List<String> teamIds, MutationClock clock,
                           int nextChatId) {
        this.order = order;
        order.forEach(visitor -> visitorsById.put(visitor.id, visitor));
        this.operatorIds = operatorIds;
        this.teamIds = teamIds;
        this.clock = clock;
        this.nextChatId = nextChatId;
    }

    /** @param visitors in served order, most recent chat first */
    static ChaportAccount generate(long seed, List<GeneratedVisitor> visitors, List<String> operatorIds,
                                   boolean teamIdsInChats, MutationClock clock) {
        SeededRandom random = new SeededRandom(seed, "chaport.chats");
        ObjectIds teams = new ObjectIds(random);
        long teamsCreated = Timestamps.EPOCH_MILLIS - 3 * 365 * Timestamps.DAY;
        List<String> teamIds = List.of(teams.next(teamsCreated), teams.next(teamsCreated));
        if (!teamIdsInChats) {
            teamIds = List.of();
        }
        ChatGenerator generator = new ChatGenerator(random, operatorIds, teamIds);

        record Drafted(int visitor, ChatDraft draft) {
        }
        List<Drafted> drafted = new ArrayList<>();
        for (int i = 0; i < visitors.size(); i++) {
            Map<String, Object> visitor = visitors.get(i).listForm();
            for (ChatDraft draft : generator.history(millis(visitor.get("createdAt")),
                    millis(visitor.get("lastChatAt")), visitor.get("email"))) {
                drafted.add(new Drafted(i, draft));
            }
        }
        drafted.sort(Comparator.comparingLong(d -> d.draft().startedAt()));
        List<List<Map<String, Object>>> chats = new ArrayList<>();
        visitors.forEach(visitor -> chats.add(new ArrayList<>()));
        int id = FIRST_CHAT_ID;
        for (Drafted d : drafted) {
            chats.get(d.visitor()).add(0, d.draft().numbered(id++));
        }
        List<Visitor> order = new ArrayList<>(visitors.size());
        for (int i = 0; i < visitors.size(); i++) {
            order.add(new Visitor(visitors.get(i), chats.get(i)));
        }
        return new ChaportAccount(order, operatorIds, teamIds, clock, id);
    }

    synchronized List<Map<String, Object>> visitors() {
        if (visitorsSnapshot == null) {
            visitorsSnapshot = order.stream().map(visitor -> visitor.listForm).toList();
        }
        return visitorsSnapshot;
    }

    /** The detail form, or null for an unknown id. */
    synchronized Map<String, Object> visitor(String id) {
        Visitor visitor = visitorsById.get(id);
        return visitor == null ? null : visitor.detailForm;
    }

    /** Newest first; empty for an unknown visitor. */
    synchronized List<Map<String, Object>> chats(String visitorId) {
        Visitor visitor = visitorsById.get(visitorId);
        return visitor == null ? List.of() : visitor.chats;
    }

    /** Null for an unknown visitor or chat. */
    synchronized Map<String, Object> chat(String visitorId, int chatId) {
        return chats(visitorId).stream()
                .filter(chat -> chat.get("id").equals(chatId))
                .findFirst().orElse(null);
    }

    /** Puts "visitors" and "chats" (each chat led by its visitorId, in crawl order) from one consistent moment. */
    synchronized void putTruth(Map<String, Object> chaport) {
        if (chatsSnapshot == null) {
            List<Map<String, Object>> chats = new ArrayList<>();
            order.forEach(visitor -> visitor.chats.forEach(chat ->
                    chats.add(JsonMaps.withFirst("visitorId", visitor.id, chat))));
            chatsSnapshot = Collections.unmodifiableList(chats);
        }
        chaport.put("visitors", visitors());
        chaport.put("chats", chatsSnapshot);
    }

    /**
     * Starts a new chat for each of {@code visitorCount} visitors picked by the seed (all of them when there are
     * fewer), closing their open chat first. The visitors move to the top of the list.
     *
     * @param changes receives what Chaport would deliver as webhooks, per visitor in the order they happened: the
     *                chat.finished of the open chat closed, the new chat's chat.started, and its chat.finished when
     *                it is over already
     * @return the ids of those visitors, most recent chat first, as {@code GET /visitors} now begins
     */
    synchronized List<String> addChats(int visitorCount, long seed, List<ChatChange> changes) {
        if (visitorCount < 0) {
            throw new IllegalArgumentException("visitorCount must not be negative, got " + visitorCount);
        }
        SeededRandom random = new SeededRandom(seed, "chaport.chats.added");
        ChatGenerator generator = new ChatGenerator(random, operatorIds, teamIds);
        List<Visitor> candidates = new ArrayList<>(order);
        List<String> touched = new ArrayList<>();
        for (int i = Math.min(visitorCount, candidates.size()); i > 0; i--) {
            Visitor visitor = candidates.remove(random.below(candidates.size()));
            if (closeLatest(visitor)) {
                changes.add(new ChatChange("chat.finished", visitor.id, (Integer) visitor.chats.get(0).get("id")));
            }
            Map<String, Object> chat = generator.live(clock, visitor.base.get("email")).numbered(nextChatId++);
            changes.add(new ChatChange("chat.started", visitor.id, (Integer) chat.get("id")));
            if (chat.get("closedAt") != null) {
                changes.add(new ChatChange("chat.finished", visitor.id, (Integer) chat.get("id")));
            }
            visitor.chats = prepend(chat, visitor.chats);
            List<?> events = (List<?>) chat.get("events");
            long lastEventAt = millis(((Map<?, ?>) events.get(events.size() - 1)).get("createdAt"));
            visitor.chatted(lastEventAt, true, addedFields);
            moveToFront(visitor);
            touched.add(0, visitor.id);
        }
        changed();
        return List.copyOf(touched);
    }

    /** From now on every visitor, in list and detail form, ends with this field. */
    synchronized void addVisitorField(String key, Object value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A visitor field needs a non-blank key");
        }
        if (addedFields.containsKey(key) || order.stream().anyMatch(v -> v.detailForm.containsKey(key))) {
            throw new IllegalArgumentException("Visitors already have a '" + key + "' field");
        }
        addedFields.put(key, value);
        order.forEach(visitor -> visitor.render(addedFields));
        changed();
    }

    /**
     * Appends an operator message to the visitor's latest chat, or starts a chat with it when there is none. A
     * repeated {@code externalId} for the same visitor returns the earlier event and changes nothing.
     *
     * @return the appended event (or the earlier one), empty for an unknown visitor
     */
    synchronized Optional<Map<String, Object>> send(String visitorId, String text, String operatorId,
                                                    String externalId) {
        Visitor visitor = visitorsById.get(visitorId);
        if (visitor == null) {
            return Optional.empty();
        }
        Map<String, Object> earlier = externalId == null ? null : visitor.sentByExternalId.get(externalId);
        if (earlier != null) {
            suppressedDuplicates++;
            return Optional.of(earlier);
        }
        long at = clock.advance(1_000);
        Map<String, Object> chat;
        Map<String, Object> event;
        if (visitor.chats.isEmpty()) {
            event = ChatEvents.operatorMessage(1, text, operatorId, externalId, at);
            chat = startedByOperator(nextChatId++, event, operatorId, at);
            visitor.chats = List.of(chat);
        } else {
            Map<String, Object> latest = visitor.chats.get(0);
            event = ChatEvents.operatorMessage(((List<?>) latest.get("events")).size() + 1, text, operatorId,
                    externalId, at);
            chat = withOperatorMessage(latest, event, operatorId);
            visitor.chats = prepend(chat, visitor.chats.subList(1, visitor.chats.size()));
        }
        if (externalId != null) {
            visitor.sentByExternalId.put(externalId, event);
        }
        sent.add(new SentMessage(visitorId, (Integer) chat.get("id"), externalId, event));
        visitor.chatted(at, false, addedFields);
        moveToFront(visitor);
        changed();
        return Optional.of(event);
    }

    synchronized List<SentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    synchronized int suppressedDuplicates() {
        return suppressedDuplicates;
    }

    /** Only a visitor's latest chat may be open; a new one closes it, as Chaport does when a visitor returns. */
    private boolean closeLatest(Visitor visitor) {
        if (!visitor.chats.isEmpty() && visitor.chats.get(0).get("closedAt") == null) {
            Map<String, Object> closed = JsonMaps.with(visitor.chats.get(0), "stage", "closed");
            closed = JsonMaps.with(closed, "closedAt", Timestamps.iso(clock.advance(60_000)));
            visitor.chats = prepend(closed, visitor.chats.subList(1, visitor.chats.size()));
            return true;
        }
        return false;
    }

    /** An operator's message answers the chat: a closed or unanswered one is "responded" again, and open. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withOperatorMessage(Map<String, Object> chat, Map<String, Object> event,
                                                           String operatorId) {
        List<String> operators = (List<String>) chat.get("operators");
        Map<String, Object> answered = JsonMaps.with(chat, "stage",
                chat.get("stage").equals("engaged") ? "engaged" : "responded");
        answered = JsonMaps.with(answered, "operators",
                operators.contains(operatorId) ? operators : JsonMaps.append(operators, operatorId));
        answered = JsonMaps.with(answered, "closedAt", null);
        return JsonMaps.with(answered, "events", JsonMaps.append((List<Object>) chat.get("events"), event));
    }

    private static Map<String, Object> startedByOperator(int id, Map<String, Object> event, String operatorId,
                                                         long at) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("id", id);
        chat.put("stage", "responded");
        chat.put("operators", List.of(operatorId));
        chat.put("missed", false);
        chat.put("rating", null);
        chat.put("startPage", null);
        chat.put("startedAt", Timestamps.iso(at));
        chat.put("closedAt", null);
        chat.put("events", List.of(event));
        return Collections.unmodifiableMap(chat);
    }

    private void moveToFront(Visitor visitor) {
        order.remove(visitor);
        order.add(0, visitor);
    }

    private void changed() {
        visitorsSnapshot = null;
        chatsSnapshot = null;
    }

    private static List<Map<String, Object>> prepend(Map<String, Object> chat, List<Map<String, Object>> older) {
        List<Map<String, Object>> chats = new ArrayList<>(older.size() + 1);
        chats.add(chat);
        chats.addAll(older);
        return Collections.unmodifiableList(chats);
    }

    private static long millis(Object isoTimestamp) {
        return Instant.parse((String) isoTimestamp).toEpochMilli();
    }

    /** One visitor's state; only touched under the account's lock. */
    private static final class Visitor {
        final String id;
        /** The generated list form, with the times that later chats moved. */
        Map<String, Object> base;
        /** The keys only {@code GET /visitors/{id}} serves: browser, OS, language, IP, location. */
        final Map<String, Object> detailOnly;
        Map<String, Object> listForm;
        Map<String, Object> detailForm;
        /** Newest first, read-only; replaced as a whole on every change. */
        List<Map<String, Object>> chats;
        final Map<String, Map<String, Object>> sentByExternalId = new HashMap<>();

        Visitor(GeneratedVisitor generated, List<Map<String, Object>> chats) {
            this.id = generated.id();
            this.base = generated.listForm();
            Map<String, Object> detailOnly = new LinkedHashMap<>(generated.detailForm());
            detailOnly.keySet().removeAll(base.keySet());
            this.detailOnly = Collections.unmodifiableMap(detailOnly);
            this.listForm = generated.listForm();
            this.detailForm = generated.detailForm();
            this.chats = Collections.unmodifiableList(chats);
        }

        /** @param seen whether the visitor took part (a new chat) rather than only being written to */
        void chatted(long lastChatAt, boolean seen, Map<String, Object> addedFields) {
            base = JsonMaps.with(base, "lastChatAt", Timestamps.iso(lastChatAt));
            if (seen) {
                base = JsonMaps.with(base, "lastSeen", Timestamps.iso(lastChatAt));
            }
            render(addedFields);
        }

        /** Added fields follow the generated list keys; the detail-only keys follow them. */
        void render(Map<String, Object> addedFields) {
            Map<String, Object> list = new LinkedHashMap<>(base);
            list.putAll(addedFields);
            listForm = Collections.unmodifiableMap(list);
            Map<String, Object> detail = new LinkedHashMap<>(list);
            detail.putAll(detailOnly);
            detailForm = Collections.unmodifiableMap(detail);
        }
    }
}
