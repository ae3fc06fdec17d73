package io.chatload.load;

import java.time.Instant;

/** A resource's own cursor and outcome, and how many per-parent cursors it keeps. Nullable fields may be null. */
public record ResourceState(String resource, String cursor, long parentCursors, String lastLoadId,
                            Instant lastSuccessAt, Instant lastErrorAt, String lastError) {
}
