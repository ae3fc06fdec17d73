package io.chatload.outbox;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over an outbox: due pending rows in id order, a batch at a time, each claimed just before it is sent (so
 * at most the parallelism's worth of rows is ever in the crash window). A pass never goes back to a lower id, so a
 * row that failed with a retryable error waits for the next drain instead of being retried at once.
 */
final class OutboxDrain {
    private static final String AFTER = "chatloadOutboxAfter";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrain.class);

    private final OutboxKind kind;
    private final OutboxSetup setup;
    private final OutboxStore store;
    private final OutboxSender sender;
    private final Outcomes outcomes;
    private final int batchSize;

    OutboxDrain(OutboxKind kind, OutboxSetup setup, OutboxStore store, OutboxSender sender, Outcomes outcomes,
                int batchSize) {
        this.kind = kind;
        this.setup = setup;
        this.store = store;
        this.sender = sender;
        this.outcomes = outcomes;
        this.batchSize = batchSize;
    }

    void begin(Exchange exchange) throws SQLException {
        setup.ensure();
        exchange.getMessage().removeHeaders("*");
        exchange.setProperty(OutboxSender.TALLY, new DrainTally(kind.id()));
        exchange.setProperty(AFTER, 0L);
        nextBatch(exchange);
        if (more(exchange)) {
            // only when there is something to send: a source without resource files has no client, and no messages
            sender.requireClient(exchange.getContext());
        }
    }

    /** The body becomes the ids of the next batch of due rows; empty when none is left. */
    void nextBatch(Exchange exchange) throws SQLException {
        List<Long> ids = store.due(exchange.getProperty(AFTER, 0L, Long.class), batchSize);
        if (!ids.isEmpty()) {
            exchange.setProperty(AFTER, ids.get(ids.size() - 1));
        }
        exchange.getMessage().setBody(ids);
    }

    /** Another batch, unless the last one was empty or Camel is shutting down (claimed rows still finish). */
    boolean more(Exchange exchange) {
        List<?> ids = exchange.getMessage().getBody(List.class);
        return ids != null && !ids.isEmpty() && !exchange.getContext().isStopping();
    }

    /** Claims the row whose id is the body: the body becomes the row, or null when it is not to be sent. */
    void claim(Exchange exchange) throws SQLException {
        Optional<OutboxRow> claimed = store.claim(exchange.getMessage().getBody(Long.class));
        exchange.getMessage().setBody(null);
        if (claimed.isEmpty()) {
            return;
        }
        OutboxRow row = claimed.get();
        String problem = kind.problem(row);
        if (problem != null) {
            sender.finish(exchange, row, outcomes.invalid(problem), null);
            return;
        }
        exchange.getMessage().setBody(row);
    }

    void end(Exchange exchange) {
        DrainResult result = exchange.getProperty(OutboxSender.TALLY, DrainTally.class).result();
        exchange.removeProperty(OutboxSender.TALLY);
        exchange.removeProperty(AFTER);
        exchange.getMessage().setBody(result);
        if (!result.isEmpty()) {
            LOG.info("{}", result);
        }
    }
}
