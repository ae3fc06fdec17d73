package io.chatload.load.naming;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** The naming conventions a source may choose ({@code naming:} in its {@code _source.yaml}), by dlt's module names. */
public enum Naming {
    SNAKE_CASE("snake_case", SnakeCase::new),
    DUCK_CASE("duck_case", DuckCase::new),
    DIRECT("direct", Direct::new),
    SQL_CS_V1("sql_cs_v1", limit -> new SqlCsV1(limit, false)),
    SQL_CI_V1("sql_ci_v1", limit -> new SqlCsV1(limit, true));

    private final String dltName;
    private final IntFunction<NamingConvention> factory;

    Naming(String dltName, IntFunction<NamingConvention> factory) {
        this.dltName = dltName;
        this.factory = factory;
    }

    public String dltName() {
        return dltName;
    }

    /** The convention for a destination whose identifiers may have {@code maxLength} characters (0: no limit). */
    public NamingConvention convention(int maxLength) {
        return factory.apply(maxLength);
    }

    /** Every convention, for a destination whose identifiers may have {@code maxLength} characters. */
    public static Map<Naming, NamingConvention> conventions(int maxLength) {
        Map<Naming, NamingConvention> all = new EnumMap<>(Naming.class);
        for (Naming naming : values()) {
            all.put(naming, naming.convention(maxLength));
        }
        return all;
    }

    /** @throws IllegalArgumentException naming the valid values, for an unknown name */
    public static Naming of(String dltName) {
        String wanted = dltName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(n -> n.dltName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("naming '" + dltName + "' is not one of "
                        + Arrays.stream(values()).map(Naming::dltName).collect(Collectors.joining(", "))));
    }
}
