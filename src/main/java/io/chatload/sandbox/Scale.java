package io.chatload.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much data the sandbox generates: from a quick unit-test account to one worth benchmarking. */
public enum Scale {
    TINY(3, 12, 2),
    SMALL(8, 180, 3),
    MEDIUM(25, 2_500, 5),
    LARGE(60, 20_000, 10);

    private final int operators;
    private final int visitors;
    private final int bots;

    Scale(int operators, int visitors, int bots) {
        this.operators = operators;
        this.visitors = visitors;
        this.bots = bots;
    }

    public int operators() {
        return operators;
    }

    public int visitors() {
        return visitors;
    }

    public int bots() {
        return bots;
    }

    /** Reads a scale name as a user types it on the command line, ignoring case. */
    public static Scale parse(String s) {
        String name = s == null ? "" : s.trim();
        for (Scale scale : values()) {
            if (scale.name().equalsIgnoreCase(name)) {
                return scale;
            }
        }
        String valid = Arrays.stream(values())
                .map(scale -> scale.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown scale '" + s + "'; valid values: " + valid);
    }
}
