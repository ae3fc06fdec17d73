package io.chatload.load;

import io.chatload.load.naming.Naming;
import io.chatload.load.naming.NamingConvention;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database that receives loads: the entry point of this package. One Destination serves many threads; each
 * operation borrows a pooled connection (see {@link ConnectionPool}). Table layouts are cached here (see
 * {@link SchemaRegistry}).
 */
public final class Destination implements AutoCloseable {
    private static final int VALID_TIMEOUT_SECONDS = 10;

    private final ConnectionPool pool;
    private final Database db;
    /** Names schemas and the bookkeeping tables; a source's tables are named by its own convention. */
    private final NamingConvention naming;
    private final Map<Naming, NamingConvention> conventions;
    private final SchemaRegistry registry;
    private final SchemaVersions versions;
    private final LoadLedger ledger;
    private final StateStore state;

    private Destination(ConnectionPool pool, Dialect dialect) {
        this.pool = pool;
        this.db = new Database(pool.dataSource(), dialect);
        Map<Naming, NamingConvention> stored = new EnumMap<>(Naming.class);
        Naming.conventions(dialect.maxIdentifierLength()).forEach((name, convention) ->
                stored.put(name, new StoredNaming(convention, dialect)));
        this.conventions = stored;
        this.naming = conventions.get(Naming.SNAKE_CASE);
        this.registry = registry(db, naming);
        Clock clock = Clock.systemUTC();
        this.versions = new SchemaVersions(db, clock);
        this.ledger = new LoadLedger(db, registry, naming, versions, clock);
        this.state = new StateStore(db, registry, naming, clock);
    }

    /** The registry of a destination: its bookkeeping tables in every schema, dlt's and chatload's, in today's layout. */
    static SchemaRegistry registry(Database db, NamingConvention naming) {
        return new SchemaRegistry(db, naming, List.of(DltSystemTables.LOADS_TABLE, DltSystemTables.VERSION_TABLE,
                DltSystemTables.PIPELINE_STATE_TABLE, LoadLedger.DEFINITION, StateStore.DEFINITION), upgrades(db));
    }

    /** An older chatload's schema: dlt's column layout first (types, NOT NULL), then the ledger's tables. */
    private static SchemaRegistry.Upgrade upgrades(Database db) {
        LayoutMigration layout = new LayoutMigration(db);
        LedgerMigration ledger = new LedgerMigration(db);
        return (schema, tables) -> layout.apply(schema, tables) | ledger.apply(schema, tables);
    }

    /**
     * Connects and checks the connection works. The dialect comes from the URL: {@code jdbc:h2:},
     * {@code jdbc:postgresql:}, {@code jdbc:mariadb:} or {@code jdbc:mysql:} (MariaDB's driver and dialect). The URL
     * may carry {@code chatloadSchemaPrefix=<prefix>}: schema {@code s} is then stored as {@code <prefix>s}. Error
     * messages never contain the password.
     */
    public static Destination connect(String jdbcUrl, String user, String password) throws SQLException {
        return connect(jdbcUrl, user, password, false);
    }

    /**
     * @param allowCode whether an H2 URL may run code as the database opens ({@code chatload.db.allow-code}); when it
     *                  may not and would, a {@link io.chatload.config.ConfigException} names the setting
     */
    public static Destination connect(String jdbcUrl, String user, String password, boolean allowCode) throws SQLException {
        String secret = password == null ? "" : password;
        String login = user == null ? "" : user;
        DatabaseUrl url = DatabaseUrl.parse(jdbcUrl, secret, allowCode);
        ConnectionPool pool = null;
        try {
            pool = ConnectionPool.open(url, login, secret);
            try (Connection connection = pool.dataSource().getConnection()) {
                if (!connection.isValid(VALID_TIMEOUT_SECONDS)) {
                    throw new SQLException("the connection is not usable");
                }
                Dialect dialect = switch (url.kind()) {
                    case H2 -> h2(connection, url.schemaPrefix());
                    case POSTGRESQL -> new PostgresDialect(url.schemaPrefix());
                    case MARIADB -> MariaDbDialect.forServer(connection, url.schemaPrefix());
                };
                return new Destination(pool, dialect);
            }
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw cannotConnect(jdbcUrl, login, secret, e);
        }
    }

    /** H2 in the case it was opened with; a database an older chatload wrote in upper case is renamed first. */
    private static H2Dialect h2(Connection connection, String schemaPrefix) throws SQLException {
        H2Dialect dialect = H2Dialect.forConnection(connection, schemaPrefix);
        H2IdentifierCase.apply(connection, dialect);
        return dialect;
    }

    public Dialect dialect() {
        return db.dialect();
    }

    public DataSource dataSource() {
        return pool.dataSource();
    }

    /** The name a schema is stored under in the database: with the URL's schema prefix, in the database's case. */
    public String storedSchema(String schema) {
        return dialect().storedSchema(naming.normalizeTableIdentifier(schema));
    }

    /**
     * A batch for one resource run (a resource and its child resources) within one load; {@code batchSize} root
     * records, counted over all its tables, are buffered before a flush.
     */
    public LoadBatch batch(String loadId, int batchSize) {
        Objects.requireNonNull(loadId, "loadId");
        return new LoadBatch(db, registry, state, versions, conventions, loadId, batchSize);
    }

    public LoadLedger ledger() {
        return ledger;
    }

    public StateStore state() {
        return state;
    }

    /** How many times the tables' layout was read from the database's catalog (for tests of the cache). */
    long catalogReads() {
        return registry.catalogReads();
    }

    /** Tables of a schema with row counts and columns: data tables first, then the _dlt_/_chatload_ ones. */
    public List<TableInfo> tables(String schema) throws SQLException {
        String name = naming.normalizeTableIdentifier(schema);
        Dialect dialect = dialect();
        List<TableInfo> tables = new ArrayList<>();
        for (Catalog.StoredTable table : new Catalog(db).tables(name).values()) {
            String from = dialect.quoteSchema(name) + '.' + dialect.quoteExact(table.stored());
            long rows = db.inTransaction(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
                    count.next();
                    return count.getLong(1);
                }
            });
            tables.add(new TableInfo(name, table.name(), rows, table.columns()));
        }
        tables.sort(Comparator.comparing((TableInfo t) -> isBookkeeping(t.name())).thenComparing(TableInfo::name));
        return tables;
    }

    /** Runs any SQL: a query returns at most {@code maxRows} rows, any other statement its update count. */
    public QueryResult query(String sql, int maxRows) throws SQLException {
        try (Connection connection = db.open()) {
            return read(connection, sql, maxRows);
        }
    }

    /**
     * A query that must change nothing, such as a route file's {@code parentQuery}: it runs in a read-only transaction
     * that is rolled back whatever it did. PostgreSQL refuses a write there; H2 takes read-only as a hint only, so the
     * rollback is what undoes a write (a statement that commits by itself, DDL, is refused before, when the file is read).
     */
    public QueryResult readOnlyQuery(String sql, int maxRows) throws SQLException {
        try (Connection connection = db.open()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                return read(connection, sql, maxRows);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    private QueryResult read(Connection connection, String sql, int maxRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(Math.max(0, maxRows));
            if (!statement.execute(sql)) {
                return new QueryResult(List.of(), List.of(), statement.getUpdateCount());
            }
            try (ResultSet rows = statement.getResultSet()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(dialect().dltName(meta.getColumnLabel(i)));
                }
                List<List<Object>> result = new ArrayList<>();
                while (rows.next() && result.size() < maxRows) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(dialect().value(rows, i));
                    }
                    result.add(row);
                }
                return new QueryResult(columns, result, -1);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static boolean isBookkeeping(String table) {
        return table.startsWith("_dlt_") || table.startsWith("_chatload_");
    }

    /** The driver's (or pool's) failure, told without the password; its exception is kept only if it cannot leak it. */
    private static SQLException cannotConnect(String url, String user, String password, Exception e) {
        Throwable cause = e instanceof SQLException ? e : e.getCause() instanceof SQLException sql ? sql : e;
        String reason = DatabaseUrl.redact(String.valueOf(cause.getMessage()), password);
        SQLException clean = new SQLException("cannot connect to " + DatabaseUrl.redact(url, password) + " as user '" + user
                + "': " + reason, cause instanceof SQLException sql ? sql.getSQLState() : null,
                cause instanceof SQLException sql ? sql.getErrorCode() : 0);
        if (password.isEmpty() || !traceOf(e).contains(password)) {
            clean.initCause(e);
        }
        return clean;
    }

    private static String traceOf(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
