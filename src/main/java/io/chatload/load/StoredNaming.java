package io.chatload.load;

import io.chatload.load.naming.NamingConvention;

/**
 * A source's naming convention, giving each name as the destination reads it back. Only H2 changes one: it folds
 * unquoted names to capitals, so a name in capitals only ({@code URL} under {@code duck_case}) is the very identifier
 * its lower-case form is, and is read back as {@code url}; taking that form here keeps the loader's view of the
 * tables and the rows it writes the same.
 */
final class StoredNaming implements NamingConvention {
    private final NamingConvention convention;
    private final Dialect dialect;

    StoredNaming(NamingConvention convention, Dialect dialect) {
        this.convention = convention;
        this.dialect = dialect;
    }

    private String readBack(String name) {
        return dialect.dltName(dialect.stored(name));
    }

    @Override
    public String name() {
        return convention.name();
    }

    @Override
    public String pathSeparator() {
        return convention.pathSeparator();
    }

    @Override
    public int maxLength() {
        return convention.maxLength();
    }

    @Override
    public boolean caseSensitive() {
        return convention.caseSensitive();
    }

    @Override
    public String normalizeIdentifier(String identifier) {
        return readBack(convention.normalizeIdentifier(identifier));
    }

    @Override
    public String normalizeTableIdentifier(String identifier) {
        return readBack(convention.normalizeTableIdentifier(identifier));
    }

    @Override
    public String normalizePath(String path) {
        return readBack(convention.normalizePath(path));
    }

    @Override
    public String normalizeTablesPath(String path) {
        return readBack(convention.normalizeTablesPath(path));
    }

    @Override
    public String shortenFragments(String... normalized) {
        return readBack(convention.shortenFragments(normalized));
    }
}
