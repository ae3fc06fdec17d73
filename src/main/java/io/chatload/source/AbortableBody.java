package io.chatload.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body that can be given up: {@link #abort()} drops its connection, where {@link #close()} would first
 * read what the server still sends, forever if its body never ends. {@link ResponseParser} aborts a body it stopped
 * reading (too large, not JSON); {@link ApiClients} wraps every API response in one.
 */
final class AbortableBody extends FilterInputStream {

    private final Runnable dropConnection;

    AbortableBody(InputStream in, Runnable dropConnection) {
        super(in);
        this.dropConnection = dropConnection;
    }

    /** Drops the connection, then closes the stream, which then has nothing left to read. */
    void abort() {
        dropConnection.run();
        try {
            close();
        } catch (IOException closedUnderneath) {
            // expected: the connection is gone
        }
    }
}
