package io.chatload.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code direct:} endpoint for routes of an existing Camel estate: the body (a Map) becomes a new outbox row,
 * which is sent at once through the same path as a drained row (unless it is due later), and the reply body is the
 * row as it then is (column name to value: {@code status} sent, failed, unknown, or pending when it will be retried
 * or is due later). The caller's headers come back unchanged.
 */
final class DirectSend {
    private static final String CALLER_HEADERS = "chatloadOutboxCallerHeaders";
    private static final String ROW_ID = "chatloadOutboxRowId";

    private final OutboxKind kind;
    private final OutboxSetup setup;
    private final OutboxStore store;
    private final OutboxSender sender;
    private final Clock clock;

    DirectSend(OutboxKind kind, OutboxSetup setup, OutboxStore store, OutboxSender sender, Clock clock) {
        this.kind = kind;
        this.setup = setup;
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    /** Inserts the row (claimed when due) and leaves it in the body to be sent, or null when it is due later. */
    void insert(Exchange exchange) throws SQLException {
        Message message = exchange.getMessage();
        if (!(message.getBody() instanceof Map<?, ?> body)) {
            throw new IllegalArgumentException(kind.sendEndpoint() + ": the body must be a Map, got "
                    + (message.getBody() == null ? "none" : message.getBody().getClass().getSimpleName()));
        }
        Map<String, Object> values = kind.fromRequest(body);
        setup.ensure();
        sender.requireClient(exchange.getContext());
        boolean due = isDue(values);
        OutboxRow row = store.insert(values, due);
        exchange.setProperty(CALLER_HEADERS, new LinkedHashMap<>(message.getHeaders()));
        exchange.setProperty(ROW_ID, row.id());
        message.setBody(due ? row : null);
    }

    void reply(Exchange exchange) throws SQLException {
        OutboxRow row = store.read(exchange.getProperty(ROW_ID, Long.class));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = exchange.getProperty(CALLER_HEADERS, Map.class);
        message.getHeaders().putAll(headers);
        message.setBody(new LinkedHashMap<>(row.values()));
        exchange.removeProperty(CALLER_HEADERS);
        exchange.removeProperty(ROW_ID);
    }

    private boolean isDue(Map<String, Object> values) {
        return kind.dueColumn() == null || !(values.get(kind.dueColumn()) instanceof OffsetDateTime at)
                || !at.isAfter(OffsetDateTime.now(clock));
    }
}
