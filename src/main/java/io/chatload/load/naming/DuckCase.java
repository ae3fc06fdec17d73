package io.chatload.load.naming;

import java.util.regex.Pattern;

/**
 * dlt's {@code duck_case}: case-sensitive, every Unicode character kept (so Cyrillic custom fields keep their names);
 * only new lines and {@code "} become {@code _}, and runs of {@code _} collapse so a key never makes the separator.
 */
final class DuckCase extends BaseConvention {
    private static final Pattern UNDERSCORES = Pattern.compile("__+");

    DuckCase(int maxLength) {
        super(maxLength);
    }

    @Override
    public String name() {
        return "duck_case";
    }

    @Override
    public boolean caseSensitive() {
        return true;
    }

    @Override
    String normalizeStripped(String identifier) {
        String cleaned = identifier.replace('\n', '_').replace('\r', '_').replace('"', '_');
        return IdentifierShortener.shorten(UNDERSCORES.matcher(cleaned).replaceAll("_"), identifier, maxLength());
    }
}
