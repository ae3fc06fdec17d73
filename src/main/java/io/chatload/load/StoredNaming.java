package io.chatload.load;

import io.chatload.load.naming.IdentifierShortener;
import io.chatload.load.naming.NamingConvention;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source's naming convention, giving each name as the destination stores and reads it back, so the loader's view
 * of the tables and the rows it writes agree. Only names dlt never meant for such a database change: H2 folds unquoted
 * names to capitals, so a name in capitals only ({@code URL} under {@code duck_case}) is the very identifier its
 * lower-case form is, and is read back as {@code url}; PostgreSQL counts bytes, so a name past ASCII longer than 63
 * bytes is shortened to fit (see {@link IdentifierShortener#shortenToBytes}). Record keys' names are cached: they
 * come with every record.
 */
final class StoredNaming implements NamingConvention {
    private static final int CACHE_LIMIT = 50_000;

    private final NamingConvention convention;
    private final Dialect dialect;
    private final Map<String, String> paths = new ConcurrentHashMap<>();

    StoredNaming(NamingConvention convention, Dialect dialect) {
        this.convention = convention;
        this.dialect = dialect;
    }

    private String readBack(String name) {
        return dialect.dltName(dialect.stored(IdentifierShortener.shortenToBytes(name, dialect.maxIdentifierBytes())));
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
        String known = paths.get(path);
        if (known != null) {
            return known;
        }
        String name = readBack(convention.normalizePath(path));
        if (paths.size() < CACHE_LIMIT) {
            paths.put(path, name);
        }
        return name;
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
