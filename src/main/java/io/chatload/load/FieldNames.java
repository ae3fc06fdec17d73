package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@link Flattener} names a record's keys: each key's path, column and child-table path, found once per
 * place in the record and kept, as the same keys come with every record. A key's names depend only on the keys above
 * it, so they are kept as a tree: the keys of an object under {@code a} are looked up in {@code a}'s {@link Field}.
 * At most {@link #LIMIT} fields are kept, so that records keyed by ids cannot fill the memory; past that, names are
 * made for each use.
 */
final class FieldNames {
    private static final int LIMIT = 50_000;

    private final NamingConvention naming;
    private final Field root = new Field("", "", "");
    private final AtomicInteger kept = new AtomicInteger();

    FieldNames(NamingConvention naming) {
        this.naming = naming;
    }

    /** The names of a key of a row's own object (not nested in one of its fields). */
    Field top(String key) {
        return root.inner(key, this);
    }

    /**
     * One key at its place in the record.
     * @param path      the column name before shortening, and the prefix of the names of the keys nested below it
     * @param column    the column it is stored in (shortened, as read back)
     * @param tablePath the child table's path, relative to its row's table, when the key holds a list
     */
    record Field(String path, String column, String tablePath, Map<String, Field> inner) {
        Field(String path, String column, String tablePath) {
            this(path, column, tablePath, new ConcurrentHashMap<>());
        }

        /** The names of {@code key} in the object this field holds. */
        Field inner(String key, FieldNames names) {
            Field known = inner.get(key);
            if (known != null) {
                return known;
            }
            Field made = names.make(path, key);
            if (names.kept.get() < LIMIT && inner.putIfAbsent(key, made) == null) {
                names.kept.incrementAndGet();
            }
            return made;
        }
    }

    private Field make(String prefix, String key) {
        String path = path(prefix, orEmptyKey(naming.normalizePath(key)));
        return new Field(path, naming.shortenFragments(path), path(prefix, orEmptyKey(naming.normalizeTablesPath(key))));
    }

    /** The convention's make_path of a prefix and a (never blank) name; a top-level key is its own path. */
    private String path(String prefix, String name) {
        return prefix.isEmpty() ? name : naming.makePath(prefix, name);
    }

    /**
     * dlt's relational normaliser names a blank key {@code _empty}, whose path is empty; so is one of separators only
     * ({@code __}), which dlt would leave empty and no database takes as a name.
     */
    private static String orEmptyKey(String name) {
        return name.isEmpty() ? Flattener.EMPTY_KEY : name;
    }
}
