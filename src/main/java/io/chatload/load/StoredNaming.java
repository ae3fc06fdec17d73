package io.chatload.load;

import io.chatload.load.naming.IdentifierShortener;
import io.chatload.load.naming.NamingConvention;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

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
    private final Map<String, String> columns = new ConcurrentHashMap<>();

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
        return cached(paths, path, convention::normalizePath);
    }

    @Override
    public String normalizeTablesPath(String path) {
        return readBack(convention.normalizeTablesPath(path));
    }

    /** A flattened column's name comes as one joined path: that is the case worth caching. */
    @Override
    public String shortenFragments(String... normalized) {
        return normalized.length == 1 ? cached(columns, normalized[0], convention::shortenFragments)
                : readBack(convention.shortenFragments(normalized));
    }

    private String cached(Map<String, String> cache, String key, UnaryOperator<String> name) {
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        String made = readBack(name.apply(key));
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, made);
        }
        return made;
    }
}
