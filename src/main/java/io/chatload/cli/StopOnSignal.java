package io.chatload.cli;

import io.chatload.engine.Load;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM (or Ctrl+C) during {@code run --once}: the JVM runs its shutdown hooks and then ends, whatever the main
 * thread is doing. This hook stops the load's fetching ({@link Load#stop}) and holds the JVM until the command has
 * wound down in order: the runs end and commit their batches, Camel stops, the database closes last (H2's own hook
 * is off, see DatabaseUrl; Camel Main's is off in once mode, see ChatloadRuntime). The JVM then exits with 143
 * (130 for Ctrl+C). Open it before the database and close it after, so that {@link #close} means "all closed".
 */
final class StopOnSignal implements AutoCloseable {

    /** How long the hook waits for the command to wind down before the JVM ends anyway. */
    static final long GRACE_SECONDS = 10;

    private final Console console;
    private final Thread hook = new Thread(this::signalled, "chatload-stop");
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Load load;

    StopOnSignal(Console console) {
        this.console = console;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The load a signal stops; stopped at once if the signal came first. */
    void watch(Load running) {
        load = running;
        if (stopping) {
            running.stop(reason());
        }
    }

    /** Whether a signal asked the command to stop: it then starts nothing new (no outbox sends). */
    boolean stopping() {
        return stopping;
    }

    /** The one line the command prints when it stopped on a signal. */
    String stoppedLine() {
        Load stopped = load;
        return reason() + ": " + (stopped == null ? "no load had started" : "load " + stopped.id() + " interrupted")
                + "; committed batches stay, the next run resumes from them";
    }

    private static String reason() {
        return "stopped by SIGTERM/SIGINT";
    }

    private void signalled() {
        stopping = true;
        Load running = load;
        if (running != null) {
            running.stop(reason());
        }
        try {
            if (!closed.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                console.error(reason() + ": the load did not wind down within " + GRACE_SECONDS + " s; its open batch is "
                        + "rolled back, the next run resumes from the last committed one");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the command is done
        }
    }
}
