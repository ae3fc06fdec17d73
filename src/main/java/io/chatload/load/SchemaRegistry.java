package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Destination's knowledge of its tables, loaded from metadata when a schema is first used (another run may
 * have made them), and the only place that changes them. DDL is serialised here because writers run in parallel,
 * and happens before any data transaction opens (H2 and MariaDB commit DDL implicitly). chatload only ever adds tables
 * and columns, so a column set seen once stays valid for the process's life, and a load of known tables reads no
 * metadata. Another process may add the same ones meanwhile: DDL that fails is forgiven when the database, read
 * again, has what it was to make. A user may drop a table or column between two loads of a long-lived process: work
 * that fails is run once more when the schema, read again, is not what was known ({@link #retryingStale}).
 */
final class SchemaRegistry {
    private final Database db;
    private final Catalog catalog;
    /** For schemas no batch has named yet: the destination's default. */
    private final NamingConvention naming;
    /**
     * schema → the convention its tables are named by (a source's {@code naming}); concurrent, not guarded by this, so
     * it may be asked from inside a transaction while the registry waits for transactions.
     */
    private final Map<String, NamingConvention> namings = new ConcurrentHashMap<>();
    private final List<TableDefinition> systemTables;
    private final Upgrade upgrade;
    /** schema → table → columns; guarded by this. */
    private final Map<String, Map<String, TableSchema>> schemas = new HashMap<>();
    /** Schemas (with "+system" when the bookkeeping tables were made too) created by this registry; guarded by this. */
    private final Set<String> ensured = new HashSet<>();

    /** Work on tables as this registry knows them, run again when they turn out to be stale. */
    @FunctionalInterface
    interface TableWork<T> {
        T run() throws SQLException;
    }

    SchemaRegistry(Database db, NamingConvention naming, List<TableDefinition> systemTables, Upgrade upgrade) {
        this.db = db;
        this.catalog = new Catalog(db);
        this.naming = naming;
        this.systemTables = List.copyOf(systemTables);
        this.upgrade = upgrade;
    }

    /** Brings bookkeeping tables an older chatload made to today's layout before they are checked. */
    interface Upgrade {
        /** @return whether tables changed (they are then read again) */
        boolean apply(String schema, Map<String, TableSchema> tables) throws SQLException;
    }


    /**
     * Names the schema's variant columns, child tables and indexes by {@code convention} from now on.
     * @throws IllegalArgumentException when the schema is already named by another convention in this process
     */
    void useNaming(String schema, NamingConvention convention) {
        NamingConvention used = namings.putIfAbsent(schema, convention);
        if (used != null && !used.name().equals(convention.name())) {
            throw new IllegalArgumentException("schema '" + schema + "' is named by " + used.name() + " and cannot also be named by "
                    + convention.name() + ": give every source writing it the same naming setting");
        }
    }

    /** The convention the schema's tables are named by. */
    NamingConvention naming(String schema) {
        return namings.getOrDefault(schema, naming);
    }

    /** Creates the schema if absent and, if asked, the bookkeeping tables in it. */
    synchronized void ensureSchema(String schema, boolean withSystemTables) throws SQLException {
        String mark = withSystemTables ? schema + "+system" : schema;
        if (ensured.contains(mark)) {
            return;
        }
        try {
            db.changeSchema(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(db.dialect().createSchema(schema));
                }
                return null;
            });
        } catch (SQLException e) {
            // PostgreSQL's CREATE SCHEMA IF NOT EXISTS fails when another session creates it at the same moment
            if (!catalog.schemaExists(schema)) {
                throw e;
            }
        }
        if (withSystemTables) {
            if (upgrade.apply(schema, Map.copyOf(tables(schema)))) {
                schemas.remove(schema);
            }
            for (TableDefinition definition : systemTables) {
                TableSchema current = cached(schema, definition.name());
                Map<String, DataType> missing = new LinkedHashMap<>(definition.columns());
                missing.keySet().removeAll(current.columns().keySet());
                if (!missing.isEmpty()) {
                    addColumns(schema, current, missing, definition.primaryKey());
                }
            }
        }
        ensured.add(mark);
    }

    /**
     * Fits {@code rows} to the table under {@code contract}, first adding the table or the columns they need, all
     * columns of a table in one statement.
     * @param keyColumns the primary key: made the table's PRIMARY KEY if the table is created, and never varianted
     * @param known      whether the contract counts the table as existing before it does
     * @throws SchemaContractException when the contract freezes a change the rows need (nothing was changed)
     */
    PreparedRows prepare(String schema, String table, List<String> keyColumns, List<Map<String, Object>> rows,
                     SchemaContract contract, boolean known) throws SQLException {
        ColumnResolver resolver = new ColumnResolver(naming(schema));
        TableSchema snapshot = table(schema, table);
        ColumnResolver.Resolution resolution = resolver.resolve(snapshot, keyColumns, rows, contract, known);
        if (resolution.additions().isEmpty()) {
            return new PreparedRows(snapshot, resolution);
        }
        synchronized (this) {
            for (int attempt = 1; ; attempt++) {
                TableSchema current = cached(schema, table);
                resolution = resolver.resolve(current, keyColumns, rows, contract, known);
                if (resolution.additions().isEmpty()) {
                    return new PreparedRows(current, resolution);
                }
                if (attempt > 3) {
                    throw new SQLException("table " + schema + "." + table + ": columns " + resolution.additions().keySet()
                            + " are still missing after adding them");
                }
                addColumns(schema, current, resolution.additions(), keyColumns);
            }
        }
    }

    /** Gives the table in {@code schema} (a staging schema) at least the columns of {@code like}. */
    synchronized TableSchema mirror(String schema, TableSchema like) throws SQLException {
        ensureSchema(schema, false);
        TableSchema current = cached(schema, like.name());
        Map<String, DataType> missing = new LinkedHashMap<>(like.columns());
        missing.keySet().removeAll(current.columns().keySet());
        if (missing.isEmpty()) {
            return current;
        }
        addColumns(schema, current, missing, List.of());
        return cached(schema, like.name());
    }

    /**
     * Runs {@code work}; when it fails and a schema it used turns out to differ from what this registry knew (a table
     * or column dropped, a schema dropped, by a user between two loads), the new layout is taken and {@code work} runs
     * once more, so it can make again what is missing. Nothing is read from the catalog unless {@code work} fails.
     */
    <T> T retryingStale(Collection<String> schemas, TableWork<T> work) throws SQLException {
        try {
            return work.run();
        } catch (SQLException e) {
            boolean stale = false;
            try {
                for (String schema : new LinkedHashSet<>(schemas)) {
                    stale |= revalidate(schema);
                }
            } catch (SQLException unreadable) { // the database is gone, say: the work's own failure tells more
                e.addSuppressed(unreadable);
                throw e;
            }
            if (!stale) {
                throw e;
            }
            return work.run();
        }
    }

    /** Reads the schema's tables again; true when they differ from what was known (the bookkeeping tables are then checked again). */
    private synchronized boolean revalidate(String schema) throws SQLException {
        Map<String, TableSchema> known = schemas.remove(schema);
        if (known == null || known.equals(tables(schema))) {
            return false;
        }
        ensured.remove(schema);
        ensured.remove(schema + "+system");
        return true;
    }

    /** How many times the catalog was read: a load of tables already known reads it not once. */
    long catalogReads() {
        return catalog.reads();
    }

    /** The table as known (absent if unknown). */
    synchronized TableSchema table(String schema, String table) throws SQLException {
        return cached(schema, table);
    }

    /** Every table of the schema as known. */
    synchronized List<TableSchema> all(String schema) throws SQLException {
        return List.copyOf(tables(schema).values());
    }

    /** Whether the table exists, asking the database again when it is not known yet (another process may have made it). */
    synchronized boolean exists(String schema, String table) throws SQLException {
        return cached(schema, table).exists() || reload(schema, table).exists();
    }

    /**
     * The root table (if it exists) and its child tables: {@code <root>__...} with {@code _dlt_parent_id}. A table name
     * may hold the separator (dlt keeps {@code a__b}), so another root's child tables ({@code a__b__items} of root
     * {@code a__b}) are left out.
     */
    synchronized List<TableSchema> family(String schema, String root) throws SQLException {
        String separator = naming(schema).pathSeparator();
        String prefix = root + separator;
        List<String> otherRoots = tables(schema).values().stream()
                .filter(t -> !t.isChild() && t.name().startsWith(prefix)).map(t -> t.name() + separator).toList();
        List<TableSchema> family = new ArrayList<>();
        TableSchema rootTable = cached(schema, root);
        if (rootTable.exists()) {
            family.add(rootTable);
        }
        tables(schema).values().stream()
                .filter(t -> t.isChild() && t.name().startsWith(prefix) && otherRoots.stream().noneMatch(t.name()::startsWith))
                .sorted(Comparator.comparing(TableSchema::name))
                .forEach(family::add);
        return family;
    }

    private TableSchema cached(String schema, String table) throws SQLException {
        return tables(schema).getOrDefault(table, TableSchema.absent(table));
    }

    private Map<String, TableSchema> tables(String schema) throws SQLException {
        Map<String, TableSchema> tables = schemas.get(schema);
        if (tables == null) {
            tables = new HashMap<>();
            for (Catalog.StoredTable table : catalog.tables(schema).values()) {
                tables.put(table.name(), schemaOf(table.name(), table.columns()));
            }
            schemas.put(schema, tables);
        }
        return tables;
    }

    private TableSchema reload(String schema, String table) throws SQLException {
        TableSchema fresh = schemaOf(table, catalog.columns(schema, table));
        if (fresh.exists()) {
            tables(schema).put(table, fresh);
        }
        return fresh;
    }

    private TableSchema schemaOf(String table, List<ColumnInfo> columns) {
        Map<String, DataType> types = new LinkedHashMap<>();
        for (ColumnInfo column : columns) {
            types.put(column.name(), db.dialect().dataType(column.sqlType()));
        }
        return new TableSchema(table, types);
    }

    /**
     * DDL, then the table is read back so the cache holds what the database really has. A failure is forgiven when
     * the database, read back, has what it was to make; when it has only part of it, another process added some of
     * the columns meanwhile (which fails a list of ADD COLUMNs as a whole), and the rest are added again.
     */
    private void addColumns(String schema, TableSchema current, Map<String, DataType> additions, List<String> primaryKey)
            throws SQLException {
        Dialect dialect = db.dialect();
        List<SQLException> failures = new ArrayList<>();
        db.changeSchema(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : ddl(dialect, schema, current, additions, primaryKey)) {
                    try {
                        statement.execute(ddl);
                    } catch (SQLException e) {
                        failures.add(e);
                    }
                }
            }
            return null;
        });
        TableSchema now = reload(schema, current.name());
        Map<String, DataType> missing = new LinkedHashMap<>(additions);
        missing.keySet().removeAll(now.columns().keySet());
        if (failures.isEmpty() || missing.isEmpty()) {
            return;
        }
        if (now.columns().size() > current.columns().size()) {
            addColumns(schema, now, missing, primaryKey); // without what the other process added, each round has less
            return;
        }
        SQLException first = failures.get(0);
        failures.stream().skip(1).forEach(first::addSuppressed);
        throw first;
    }

    private List<String> ddl(Dialect dialect, String schema, TableSchema current, Map<String, DataType> additions,
                             List<String> primaryKey) {
        if (current.exists()) {
            return List.of(dialect.addColumns(schema, current.name(), additions));
        }
        List<String> key = additions.keySet().containsAll(primaryKey) ? primaryKey : List.of();
        // merges delete a root's child rows by _dlt_root_id
        Map<String, String> indexes = additions.containsKey(Flattener.ROOT_ID)
                ? Map.of(rootIndexName(schema, current.name()), Flattener.ROOT_ID) : Map.of();
        return dialect.createTable(schema, current.name(), additions, key, indexes);
    }

    /** Ends with "_", which no table name does, so it cannot clash with a table where both share one namespace. */
    private String rootIndexName(String schema, String table) {
        return naming(schema).shortenFragments(table + "__root_ix_");
    }
}
