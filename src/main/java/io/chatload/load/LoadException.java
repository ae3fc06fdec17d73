package io.chatload.load;

import java.sql.SQLException;

/** A database failure where the signature cannot throw {@link SQLException}: the automatic flush in {@link LoadBatch#add}. */
public final class LoadException extends RuntimeException {
    LoadException(String message, SQLException cause) {
        super(message, cause);
    }
}
