package io.chatload.outbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once per process, before this process claims any row: creates the table if absent, then deals with rows an
 * earlier process left in {@code sending}: it stopped between claiming them and recording the answer, so their
 * request may or may not have reached the API. With an idempotency key they go back to {@code pending} and are sent
 * again with the same key (the API drops the repeat); without one they become {@code unknown}.
 *
 * <p>This assumes one chatload process per outbox table: a second process starting while the first is sending
 * would take the first's in-flight rows for crashed ones. Even then nothing is sent twice: an idempotent API drops
 * the repeat, and an unknown row of a non-idempotent one is not resent (the first process's answer is then not
 * recorded).
 */
final class OutboxSetup {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSetup.class);
    private static final int IDS_SHOWN = 20;

    private final OutboxKind kind;
    private final OutboxStore store;
    private boolean done;

    OutboxSetup(OutboxKind kind, OutboxStore store) {
        this.kind = kind;
        this.store = store;
    }

    synchronized void ensure() throws SQLException {
        if (done) {
            return;
        }
        store.create();
        recoverCrashWindow();
        done = true;
    }

    private void recoverCrashWindow() throws SQLException {
        OutboxStatus to = kind.idempotent() ? OutboxStatus.PENDING : OutboxStatus.UNKNOWN;
        String lastError = kind.idempotent()
                ? "the process stopped during the send; sending again with the same external id, which " + kind.apiName()
                + " drops if the first attempt arrived"
                : "the process stopped during the dispatch; check in " + kind.apiName() + " whether it went out, then "
                + "set status to pending to resend or sent";
        List<Long> moved = new ArrayList<>();
        for (long id : store.withStatus(OutboxStatus.SENDING)) {
            if (store.recover(id, to, lastError)) {
                moved.add(id);
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        String ids = moved.size() <= IDS_SHOWN ? moved.toString()
                : moved.subList(0, IDS_SHOWN) + " and " + (moved.size() - IDS_SHOWN) + " more";
        if (kind.idempotent()) {
            LOG.info("{}: {} row(s) were being sent when the process stopped, ids {}: sending them again with the "
                    + "same external id", kind.id(), moved.size(), ids);
        } else {
            LOG.warn("{}: {} row(s) were being sent when the process stopped, ids {}: marked unknown in {}; check in {} "
                    + "whether they went out, then set status to 'pending' to resend or 'sent'", kind.id(), moved.size(),
                    ids, store.tableName(), kind.apiName());
        }
    }
}
