package io.chatload.load.naming;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * dlt's {@code sql_cs_v1} (case kept) and {@code sql_ci_v1} (lower-cased): SQL-safe {@code [a-zA-Z0-9_]} names (plus
 * Unicode decimal digits, as Python's {@code \d}). Every other run of characters becomes {@code _}, a leading digit gets
 * a {@code _}, trailing {@code _} are dropped (a lone {@code _} stays) and runs of {@code _} collapse. No camel-case
 * split.
 */
final class SqlCsV1 extends BaseConvention {
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-zA-Z\\p{Nd}_]+");
    private static final Pattern ENDING_UNDERSCORES = Pattern.compile("_+$");
    private static final Pattern UNDERSCORES = Pattern.compile("__+");

    private final boolean lowerCase;

    SqlCsV1(int maxLength, boolean lowerCase) {
        super(maxLength);
        this.lowerCase = lowerCase;
    }

    @Override
    public String name() {
        return lowerCase ? "sql_ci_v1" : "sql_cs_v1";
    }

    @Override
    public boolean caseSensitive() {
        return !lowerCase;
    }

    @Override
    String normalizeStripped(String identifier) {
        String name = NON_ALPHANUMERIC.matcher(identifier).replaceAll("_");
        if (Character.getType(name.codePointAt(0)) == Character.DECIMAL_DIGIT_NUMBER) {
            name = "_" + name;
        }
        if (!name.equals("_")) {
            name = ENDING_UNDERSCORES.matcher(name).replaceAll("");
        }
        name = UNDERSCORES.matcher(name).replaceAll("_");
        String shortened = IdentifierShortener.shorten(name, identifier, maxLength());
        return lowerCase ? shortened.toLowerCase(Locale.ROOT) : shortened;
    }
}
