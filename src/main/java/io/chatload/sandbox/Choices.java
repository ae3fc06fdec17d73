package io.chatload.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads an enum constant as a user types it on the command line, with an error that lists the valid values. */
final class Choices {
    private Choices() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
        String name = text == null ? "" : text.trim();
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        String valid = Arrays.stream(type.getEnumConstants())
                .map(value -> value.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown " + what + " '" + text + "'; valid values: " + valid);
    }
}
