package io.chatload.vendor.chaport;

import io.chatload.engine.LoadSummary;
import io.chatload.engine.ResourceOutcome;
import io.chatload.engine.RunOutcome;
import io.chatload.engine.RunRequest;
import io.chatload.engine.Runs;
import io.chatload.load.Destination;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import io.chatload.text.PrintableText;
import io.chatload.webhook.ApiCalls;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the chats that Chaport deliveries name, after the delivery was answered, through the same route a poll
 * takes: the chats resource ({@code chaport.visitor_chats}) runs for the visitor with the path of that one chat,
 * so the chat lands in {@code chats} and its events (the resource's child) in {@code chat_events}, with the same
 * columns, keys, child tables, cursors and ledger row as a poll writes. Deliveries of a chat that is already waiting
 * are folded into that fetch; one that arrives while its chat is being fetched makes it fetched once more after, so
 * the last fetch always starts after the last delivery. A chat is never fetched twice at the same time.
 */
public final class ChatFetches {

    /** The chat by id, below the visitor the chats resource runs for. */
    static final String CHAT_PATH = "/visitors/{parent.id}/chats/{parent.chatId}";

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final String source;
    private final ResourceCatalog catalog;
    private final Destination destination;
    private final Runs runs;
    private final String chatsResource;
    private final int maxPending;
    private final int concurrency;
    /** Chats queued or being fetched, by chat key; the value says whether another delivery came meanwhile. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final CountDownLatch warm = new CountDownLatch(1);
    private ExecutorService pool;

    private static final class Pending {
        final ChaportDelivery delivery;
        boolean again;
        Pending(ChaportDelivery delivery) {
            this.delivery = delivery;
        }
    }

    ChatFetches(String source, ResourceCatalog catalog, Destination destination, Runs runs, String chatsResource, int concurrency,
                int maxPending) {
        this.source = source;
        this.catalog = catalog;
        this.destination = destination;
        this.runs = runs;
        this.chatsResource = chatsResource;
        this.concurrency = concurrency;
        this.maxPending = maxPending;
    }

    synchronized void start(CamelContext context) {
        pool = context.getExecutorServiceManager().newFixedThreadPool(this, "chatload-" + source + "-webhook", concurrency);
    }

    /**
     * Queues the delivery's chat for a fetch.
     *
     * @return false when {@code maxPending} chats already wait: the sender should deliver again later
     */
    synchronized boolean submit(ChaportDelivery delivery) {
        Pending known = pending.get(delivery.chatKey());
        if (known != null) {
            known.again = true;
            return true;
        }
        if (pending.size() >= maxPending) {
            return false;
        }
        pending.put(delivery.chatKey(), new Pending(delivery));
        try {
            pool.execute(() -> fetchUntilCurrent(delivery));
        } catch (RejectedExecutionException e) {
            pending.remove(delivery.chatKey()); // stopping: later deliveries of this chat must not fold into nothing
            throw e;
        }
        return true;
    }

    private void fetchUntilCurrent(ChaportDelivery delivery) {
        try {
            while (true) {
                synchronized (this) {
                    pending.get(delivery.chatKey()).again = false;
                }
                fetch(delivery);
                synchronized (this) {
                    if (!pending.get(delivery.chatKey()).again) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{} webhook {}: visitor {} chat {}: the fetch failed: {}", source, delivery.event(),
                    delivery.visitorId(), delivery.chatId(), PrintableText.escape(e.getMessage()));
        } finally {
            synchronized (this) {
                pending.remove(delivery.chatKey());
                notifyAll();
            }
        }
    }

    /** One load: the chat and its events, in one batch; one log line says what it wrote or why it failed. */
    private void fetch(ChaportDelivery delivery) {
        long started = System.nanoTime();
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("id", delivery.visitorId());
        parent.put("chatId", delivery.chatId());
        RunOutcome run = runs.start(RunRequest.of(chatsResource).forParent(parent).withPath(CHAT_PATH));
        LoadSummary summary = run.summary();
        String what = source + " webhook " + delivery.event() + ": visitor " + delivery.visitorId() + " chat " + delivery.chatId();
        if (run.failed() || summary.failed()) {
            String error = summary.outcomes().stream().filter(ResourceOutcome::failed).map(ResourceOutcome::error)
                    .findFirst().orElse(run.outcome().error());
            LOG.warn("{}: not loaded, the next poll fetches it: {}", what, error);
            return;
        }
        String rows = summary.outcomes().stream().flatMap(o -> o.rowsPerTable().entrySet().stream())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (!summary.warnings().isEmpty()) {
            LOG.warn("{}: {} ({} ms)", what, String.join("; ", summary.warnings()), ms);
        } else {
            LOG.info("{}: loaded {} ({} ms, load {})", what, rows.isEmpty() ? "nothing" : rows, ms, summary.loadId());
        }
    }

    /**
     * Makes the first delivery as quick as the later ones, in the background: a cold JVM spends over a second on its
     * first request and its first look at the destination. Reads the chats resource's state and asks the API for
     * its subscriptions, which also tells at start, in one line, whether the token works.
     */
    void warmUp(ApiCalls api) {
        pool.execute(() -> {
            try {
                ResourceSpec spec = catalog.get(chatsResource);
                destination.state().cursors(spec.schema(), spec.name());
                destination.ledger().recent(spec.schema(), 1);
                api.call("GET", "/events/subscriptions", null);
            } catch (Exception e) {
                LOG.warn("{} webhooks: the check at start failed (deliveries are still received): {}", source,
                        e.getMessage());
            } finally {
                warm.countDown();
            }
        });
    }

    /** Waits for {@link #warmUp} to end; false when {@code timeout} passed first. */
    public boolean awaitWarm(Duration timeout) throws InterruptedException {
        return warm.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Chats queued or being fetched. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Waits until no chat is queued or being fetched; false when {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
