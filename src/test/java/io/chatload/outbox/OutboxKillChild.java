package io.chatload.outbox;

import io.chatload.testing.OutboxTestBed;
import io.chatload.vendor.chaport.ChaportMessages;
import io.chatload.vendor.chatforma.ChatformaDispatches;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The process {@link KillAndRestartTest} kills: drains both outboxes of a database at the same time. Arguments: the
 * database URL, the Chaport and the Chatforma base URLs; the credentials come from {@code CHAPORT_TOKEN} and
 * {@code CHATFORMA_API_KEY}, so that they are not on a command line.
 */
public final class OutboxKillChild {

    private OutboxKillChild() {
    }

    public static void main(String[] args) throws Exception {
        try (OutboxTestBed bed = OutboxTestBed.start(args[0], OutboxTestBed.SETTINGS,
                OutboxTestBed.chaport(args[1], System.getenv("CHAPORT_TOKEN")),
                OutboxTestBed.chatforma(args[2], System.getenv("CHATFORMA_API_KEY")))) {
            ExecutorService drains = Executors.newFixedThreadPool(2);
            Future<DrainResult> messages = drains.submit(() -> bed.drain(ChaportMessages.DRAIN));
            Future<DrainResult> dispatches = drains.submit(() -> bed.drain(ChatformaDispatches.DRAIN));
            System.out.println(messages.get());
            System.out.println(dispatches.get());
            drains.shutdown();
        }
    }
}
