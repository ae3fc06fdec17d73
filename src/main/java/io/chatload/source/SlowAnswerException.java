package io.chatload.source;

import java.net.SocketTimeoutException;

/**
 * A GET cut short by its adaptive timeout ({@link AdaptiveTimeout}): the API usually answers much sooner, so the
 * page is tried again (as any timeout is) instead of holding a worker for the whole read timeout.
 */
public final class SlowAnswerException extends SocketTimeoutException {

    SlowAnswerException(long waitedMs, long percentileMs, SocketTimeoutException cause) {
        super("no answer within " + waitedMs + " ms, while the API's recent 99th percentile is " + percentileMs
                + " ms (adaptive timeout): trying again");
        initCause(cause);
    }
}
