package io.chatload.source;

import java.net.SocketTimeoutException;

/**
 * A GET cut short by its adaptive timeout ({@link AdaptiveTimeout}): the API usually answers much sooner, so the
 * page is tried again (as any timeout is) instead of holding a worker for the whole read timeout.
 */
public final class SlowAnswerException extends SocketTimeoutException {

    /** No cause: error messages name the deepest I/O error, and "Read timed out" would hide which timeout it was. */
    SlowAnswerException(long waitedMs, long percentileMs) {
        super("no answer within " + waitedMs + " ms, " + (percentileMs < 0 ? "before the API answered any GET"
                : "while the API's recent 99th percentile is " + percentileMs + " ms") + " (adaptive timeout)");
    }
}
