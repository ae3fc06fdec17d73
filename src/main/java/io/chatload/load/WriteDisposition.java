package io.chatload.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a resource's records meet the rows already in its table. */
public enum WriteDisposition {
    /** Upsert on the primary key; the child rows of an upserted row are replaced. */
    MERGE,
    /** Plain insert, for event streams without a key. */
    APPEND,
    /** The run's rows replace the whole table (and its child tables) in one transaction at the end. */
    REPLACE;

    /** Case-insensitive: {@code merge}, {@code Append}, ... */
    public static WriteDisposition parse(String s) {
        if (s != null) {
            for (WriteDisposition d : values()) {
                if (d.name().equalsIgnoreCase(s.trim())) {
                    return d;
                }
            }
        }
        String valid = Arrays.stream(values()).map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown write disposition '" + s + "', valid values: " + valid);
    }
}
