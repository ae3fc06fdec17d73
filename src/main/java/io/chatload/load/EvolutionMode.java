package io.chatload.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a {@link SchemaContract} does with a change to the schema, as dlt's {@code TSchemaEvolutionMode} names it:
 * {@code evolve} makes it, {@code freeze} fails the load, {@code discard_row} drops the row that needs it,
 * {@code discard_value} drops the value that needs it (for a new table: the table's rows) and loads the rest.
 */
public enum EvolutionMode {
    EVOLVE, FREEZE, DISCARD_ROW, DISCARD_VALUE;

    /** The dlt name: {@code evolve}, {@code freeze}, {@code discard_row}, {@code discard_value}. */
    public String dltName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EvolutionMode parse(String text) {
        for (EvolutionMode mode : values()) {
            if (mode.dltName().equals(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text.trim() + "' is not a schema evolution mode (one of "
                + Arrays.stream(values()).map(EvolutionMode::dltName).collect(Collectors.joining(", ")) + ")");
    }
}
