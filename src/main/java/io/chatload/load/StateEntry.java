package io.chatload.load;

import java.util.Objects;

/** One cursor value (or other small state) for a resource, optionally per parent ("" = no parent). */
public record StateEntry(String resource, String parentKey, String cursor) {
    public StateEntry {
        Objects.requireNonNull(resource, "resource");
        parentKey = parentKey == null ? "" : parentKey;
    }
}
