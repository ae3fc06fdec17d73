package io.chatload.engine;

import io.chatload.routes.ResourceCatalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;

/**
 * At most {@code chatload.<source>.concurrency} requests of a source in flight, however many workers ask. The fan-out
 * pools have {@link #WORKERS_PER_SLOT} times as many workers as slots, and a request holds its slot only while it is
 * on the wire: a worker waiting out a retry's backoff or a {@code Retry-After} lets another worker's request go, where
 * it would otherwise leave the API a slot short for that long.
 */
final class RequestSlots {

    /**
     * Fan-out workers per slot: enough to keep the slots busy while many workers wait before a retry. A worker that
     * waits sleeps, with the parent record it loads: through an API failing 18 % of its requests (a 1 s Retry-After
     * among them) 17 workers were seen waiting at once, and with 4 per slot (16 a source) fewer than a slot's worth
     * were awake for a fifth of the crawl, while ready parents queued.
     */
    static final int WORKERS_PER_SLOT = 8;
    /** The source whose slot the exchange holds, set only while it holds one. */
    private static final String HELD = "chatloadRequestSlot";

    private final ResourceCatalog catalog;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    RequestSlots(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Waits for a slot of the request's source. */
    void acquire(Exchange exchange) throws InterruptedException {
        String source = exchange.getProperty(RunExchange.API, String.class);
        slots.computeIfAbsent(source, s -> new Semaphore(catalog.sourceConfig(s).concurrency(), true)).acquire();
        exchange.setProperty(HELD, source);
    }

    /** Gives the slot back once the answer is read, or the request failed; nothing when none is held. */
    void release(Exchange exchange) {
        String source = exchange.getProperty(HELD, String.class);
        if (source != null) {
            exchange.removeProperty(HELD);
            slots.get(source).release();
        }
    }
}
