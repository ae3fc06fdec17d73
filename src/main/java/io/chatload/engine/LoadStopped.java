package io.chatload.engine;

/**
 * A request a stopped load does not make ({@link Load#stop}): the run fails with it, so its batch commits the rows
 * fetched so far with the cursors that cover them, and the next run fetches the rest.
 */
final class LoadStopped extends RuntimeException {
    LoadStopped(String reason) {
        super(reason, null, false, false);
    }
}
