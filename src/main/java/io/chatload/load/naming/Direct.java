package io.chatload.load.naming;

/**
 * dlt's {@code direct}: names as given, only new lines and quotes become {@code _}; paths are joined with {@code ▶},
 * which a key therefore cannot hold (it becomes {@code _} too).
 */
final class Direct extends BaseConvention {
    private static final String SEPARATOR = "▶";

    Direct(int maxLength) {
        super(maxLength);
    }

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public String pathSeparator() {
        return SEPARATOR;
    }

    @Override
    public boolean caseSensitive() {
        return true;
    }

    @Override
    String normalizeStripped(String identifier) {
        String cleaned = identifier.replace('\n', '_').replace('\r', '_').replace('\'', '_').replace('"', '_')
                .replace(SEPARATOR, "_");
        return IdentifierShortener.shorten(cleaned, identifier, maxLength());
    }
}
