package io.chatload.load;

import io.chatload.load.naming.Naming;
import io.chatload.load.naming.NamingConvention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table {@code <schema>._dlt_version}: a row per version of dlt's stored schema, written in the transaction of the
 * batch (or load end) that first sees the new tables or columns, so a schema version is there exactly when the data
 * that made it is. The latest row is read in that transaction each time: another batch or process may have written one.
 * Two transactions that change the schema at the same moment may both write the next version number; dlt reads the
 * newest row by {@code inserted_at}, and by hash, and either row is right.
 */
final class SchemaVersions {
    private static final List<String> COLUMNS = List.copyOf(DltSystemTables.VERSION_TABLE.columns().keySet());

    private final Database db;
    private final Clock clock;
    /** Stored versions by hash: each one's JSON is read and parsed once. Guarded by this. */
    private final Map<String, Known> known = new HashMap<>();
    /**
     * By schema, the last schema hashed and its hash: a flush or load end that finds its tables as the latest version
     * has them (every unchanged load does) skips building and hashing dlt's schema JSON. Guarded by this.
     */
    private final Map<String, Hashed> hashed = new HashMap<>();

    SchemaVersions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * In the caller's transaction: the schema's version hash, after writing a new version when its tables, columns or
     * the {@code written} tables' hints differ from the latest stored.
     * @param tables the schema's tables, from {@link SchemaRegistry#all} before the transaction opened: the registry
     *               waits for open transactions while it changes tables, so it must not be asked from inside one
     */
    String record(Connection connection, String schema, List<TableSchema> tables,
                  Map<String, StoredSchema.TableHints> written) throws SQLException {
        return record(connection, schema, tables, written, Naming.SNAKE_CASE.convention(db.dialect().maxIdentifierLength()));
    }

    /** @param naming the convention the schema's tables are named by, stored as dlt's {@code normalizers.names} */
    String record(Connection connection, String schema, List<TableSchema> tables,
                  Map<String, StoredSchema.TableHints> written, NamingConvention naming) throws SQLException {
        Dialect dialect = db.dialect();
        Latest latest = latest(connection, dialect, schema);
        Map<String, StoredSchema.TableHints> hints = new LinkedHashMap<>(latest == null ? Map.of() : latest.hints());
        hints.putAll(written);
        long version = latest == null ? 1 : latest.version();
        List<String> previous = latest == null ? List.of() : latest.previousHashes();
        Inputs inputs = new Inputs(schema, version, previous, Set.copyOf(tables), Map.copyOf(hints), naming.name());
        Hashed last;
        synchronized (this) {
            last = hashed.get(schema);
        }
        if (latest != null && last != null && last.inputs().equals(inputs) && latest.hash().equals(last.hash())) {
            return last.hash(); // the schema as the latest version stored it: no need to hash it again
        }
        Map<String, Object> stored = StoredSchema.of(schema, version, previous, tables, hints, naming);
        String hash = (String) stored.get("version_hash");
        synchronized (this) {
            hashed.put(schema, new Hashed(inputs, hash));
        }
        if (latest != null && latest.hash().equals(hash)) {
            return hash;
        }
        if (latest != null) {
            List<String> before = new ArrayList<>(previous);
            before.remove(latest.hash());
            before.add(0, latest.hash());
            stored = StoredSchema.of(schema, version + 1, before, tables, hints, naming);
        }
        String json = Json.write(stored);
        try (PreparedStatement insert = connection.prepareStatement(dialect.insert(schema, DltSystemTables.VERSION, COLUMNS))) {
            insert.setLong(1, ((Number) stored.get("version")).longValue());
            insert.setLong(2, StoredSchema.ENGINE_VERSION);
            dialect.bind(insert, 3, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), DataType.TIMESTAMP);
            insert.setString(4, schema);
            insert.setString(5, hash);
            insert.setString(6, json);
            insert.executeUpdate();
        }
        synchronized (this) {
            known.put(hash, known(stored));
        }
        return hash;
    }

    /** Everything a schema's hash is made of; the tables in any order (the registry's order may change, the hash does not). */
    private record Inputs(String schema, long version, List<String> previous, Set<TableSchema> tables,
                          Map<String, StoredSchema.TableHints> hints, String naming) {
    }

    private record Hashed(Inputs inputs, String hash) {
    }

    private record Latest(long version, String hash, List<String> previousHashes, Map<String, StoredSchema.TableHints> hints) {
    }

    /** What a stored version holds beyond its number and hash. */
    private record Known(List<String> previousHashes, Map<String, StoredSchema.TableHints> hints) {
    }

    /** The newest stored version, or null when there is none; its JSON is read only the first time its hash is seen. */
    private Latest latest(Connection connection, Dialect dialect, String schema) throws SQLException {
        String table = dialect.table(schema, DltSystemTables.VERSION);
        String newest = "SELECT " + dialect.columnList(List.of("version", "version_hash")) + " FROM " + table
                + " ORDER BY " + dialect.quote("version") + " DESC, " + dialect.quote("inserted_at") + " DESC";
        long version;
        String hash;
        try (PreparedStatement statement = connection.prepareStatement(newest)) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                version = rows.getLong(1);
                hash = rows.getString(2);
            }
        }
        Known known;
        synchronized (this) {
            known = this.known.get(hash);
        }
        if (known == null) {
            known = read(connection, dialect, table, hash);
            synchronized (this) {
                this.known.put(hash, known);
            }
        }
        return new Latest(version, hash, known.previousHashes(), known.hints());
    }

    private static Known read(Connection connection, Dialect dialect, String table, String hash) throws SQLException {
        String sql = "SELECT " + dialect.quote("schema") + " FROM " + table + " WHERE " + dialect.quote("version_hash") + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(1);
            statement.setString(1, hash);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return known(DltSchemaJson.read(String.valueOf(dialect.value(rows, 1))));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Known known(Map<String, Object> stored) {
        return new Known(List.copyOf((List<String>) stored.getOrDefault("previous_hashes", List.of())), StoredSchema.hints(stored));
    }
}
