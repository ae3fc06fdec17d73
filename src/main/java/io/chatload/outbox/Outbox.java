package io.chatload.outbox;

import io.chatload.load.Destination;
import java.sql.SQLException;
import java.time.Clock;

/** One outbox's parts, built for one destination: its table's store, setup, drain, sender and direct endpoint. */
record Outbox(OutboxKind kind, OutboxSetup setup, OutboxDrain drain, OutboxSender sender, DirectSend direct,
              ErrorText text) {

    static Outbox create(OutboxKind kind, Destination destination, OutboxSettings settings, Clock clock) {
        OutboxStore store = new OutboxStore(kind, destination.dataSource(), destination.dialect(), clock);
        OutboxSetup setup = new OutboxSetup(kind, store);
        ErrorText text = new ErrorText(kind.source().secret());
        Outcomes outcomes = new Outcomes(kind, settings.maxAttempts(), text);
        OutboxSender sender = new OutboxSender(kind, store, outcomes);
        return new Outbox(kind, setup, new OutboxDrain(kind, setup, store, sender, outcomes, settings.batchSize()),
                sender, new DirectSend(kind, setup, store, sender, clock), text);
    }

    /** The internal endpoint that sends one claimed row. */
    String postEndpoint() {
        return "direct:outbox-post-" + kind.id();
    }

    /** One line for a drain that stopped: which outbox, why, what to check, and that what was recorded stays. */
    String drainStopped(Throwable failure) {
        boolean database = false;
        for (Throwable t = failure; t != null && !database; t = t.getCause() == t ? null : t.getCause()) {
            database = t instanceof SQLException;
        }
        return kind.id() + ": the drain stopped: " + text.describe(failure)
                + (database ? "; check the database (chatload.db.url)" : "")
                + "; rows already sent or failed keep their status, the others wait for the next drain";
    }
}
