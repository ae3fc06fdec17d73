package io.chatload.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chaport's webhook subscriptions ("hooks"): two the account already has, plus whatever clients create, change and
 * delete through {@code /events/subscriptions}. Hooks are records of {@code id} (24 hex), {@code event},
 * {@code targetUrl}, {@code essential} and {@code createdAt}. {@link WebhookDeliveries} delivers to the targets on
 * loopback, never to the generated ones (an outside host).
 */
final class HookStore {
    private final ObjectIds ids;
    private final MutationClock clock;
    /** In creation order, which is the order the list serves. */
    private final Map<String, Map<String, Object>> hooks = new LinkedHashMap<>();

    private HookStore(ObjectIds ids, MutationClock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /** A CRM integration set up months ago: one essential hook for new chats, one for finished chats. */
    static HookStore generate(long seed, MutationClock clock) {
        SeededRandom random = new SeededRandom(seed, "chaport.hooks");
        HookStore store = new HookStore(new ObjectIds(random), clock);
        long started = Timestamps.EPOCH_MILLIS - (200 + random.below(300)) * Timestamps.DAY
                - random.belowLong(Timestamps.DAY);
        long finished = started + random.belowLong(30 * Timestamps.DAY);
        store.add("chat.started", "https://crm.lumenshop.io/hooks/chaport/chat-started", true, started);
        store.add("chat.finished", "https://crm.lumenshop.io/hooks/chaport/chat-finished", false, finished);
        return store;
    }

    synchronized List<Map<String, Object>> list() {
        return List.copyOf(hooks.values());
    }

    /** Null for an unknown id. */
    synchronized Map<String, Object> get(String id) {
        return hooks.get(id);
    }

    synchronized Map<String, Object> create(String event, String targetUrl, boolean essential) {
        return add(event, targetUrl, essential, clock.advance(1_000));
    }

    /**
     * Changes the fields given (null leaves a field as it is).
     *
     * @return the changed hook, or null for an unknown id
     */
    synchronized Map<String, Object> update(String id, String event, String targetUrl, Boolean essential) {
        Map<String, Object> hook = hooks.get(id);
        if (hook == null) {
            return null;
        }
        if (event != null) {
            hook = JsonMaps.with(hook, "event", event);
        }
        if (targetUrl != null) {
            hook = JsonMaps.with(hook, "targetUrl", targetUrl);
        }
        if (essential != null) {
            hook = JsonMaps.with(hook, "essential", essential);
        }
        hooks.put(id, hook);
        return hook;
    }

    /** @return false for an unknown id */
    synchronized boolean delete(String id) {
        return hooks.remove(id) != null;
    }

    private Map<String, Object> add(String event, String targetUrl, boolean essential, long createdAt) {
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("id", ids.next(createdAt));
        hook.put("event", event);
        hook.put("targetUrl", targetUrl);
        hook.put("essential", essential);
        hook.put("createdAt", Timestamps.iso(createdAt));
        Map<String, Object> stored = Collections.unmodifiableMap(hook);
        hooks.put((String) stored.get("id"), stored);
        return stored;
    }
}
