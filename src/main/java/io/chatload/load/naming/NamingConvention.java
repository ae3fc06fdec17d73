package io.chatload.load.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * One of dlt's naming conventions ({@code dlt/common/normalizers/naming}): how a JSON key or a resource name becomes a
 * table or column name. Identifiers are normalised one at a time, paths of them are joined with the convention's
 * separator, and anything longer than {@link #maxLength()} is shortened with dlt's tag (see {@link IdentifierShortener}).
 * The path methods are dlt's base class, shared by every convention.
 */
public interface NamingConvention {

    /** dlt's module name: {@code snake_case}, {@code duck_case}, ... */
    String name();

    /** Joins nested fields into a column name and parent and field into a child table name: {@code __} or {@code ▶}. */
    String pathSeparator();

    /** Longest identifier made, in characters (code points, as Python counts); 0 for no limit. */
    int maxLength();

    boolean caseSensitive();

    /**
     * One key as an identifier, normalised and shortened (dlt's {@code normalize_identifier}).
     * @throws IllegalArgumentException when the key is empty or only white space
     */
    String normalizeIdentifier(String identifier);

    /** A table, dataset or schema name; every dlt convention treats it as any identifier. */
    default String normalizeTableIdentifier(String identifier) {
        return normalizeIdentifier(identifier);
    }

    /** Joins identifiers, skipping blank ones; neither normalises nor shortens. */
    default String makePath(String... identifiers) {
        List<String> kept = new ArrayList<>(identifiers.length);
        for (String identifier : identifiers) {
            if (!PythonText.isBlank(identifier)) {
                kept.add(identifier);
            }
        }
        return String.join(pathSeparator(), kept);
    }

    /** Splits a path at every separator, dropping blank parts: {@code _a_____b} → {@code _a}, {@code _b}. */
    default List<String> breakPath(String path) {
        List<String> parts = new ArrayList<>();
        String separator = pathSeparator();
        int from = 0;
        while (true) {
            int at = path.indexOf(separator, from);
            String part = at < 0 ? path.substring(from) : path.substring(from, at);
            if (!PythonText.isBlank(part)) {
                parts.add(part);
            }
            if (at < 0) {
                return parts;
            }
            from = at + separator.length();
        }
    }

    /**
     * A column name from a key or a path of keys: each part normalised, joined, and the whole shortened with a tag of
     * the key as given. This is how dlt's relational normaliser names a record's keys, so {@code a__b} stays a path.
     */
    default String normalizePath(String path) {
        List<String> parts = breakPath(path);
        String[] normalized = new String[parts.size()];
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = normalizeIdentifier(parts.get(i));
        }
        return IdentifierShortener.shorten(makePath(normalized), path, maxLength());
    }

    /** As {@link #normalizePath} for table names: a resource's table, a list field that becomes a child table. */
    default String normalizeTablesPath(String path) {
        List<String> parts = breakPath(path);
        String[] normalized = new String[parts.size()];
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = normalizeTableIdentifier(parts.get(i));
        }
        return IdentifierShortener.shorten(makePath(normalized), path, maxLength());
    }

    /**
     * Joins already normalised identifiers and shortens the result with a tag of the joined path: a flattened column
     * ({@code utm__source}), a child table ({@code chats__events}), a variant column ({@code col__v_text}).
     */
    default String shortenFragments(String... normalized) {
        if (normalized.length == 0) {
            throw new IllegalArgumentException("a path needs at least one identifier");
        }
        String path = makePath(normalized);
        return IdentifierShortener.shorten(path, path, maxLength());
    }
}
