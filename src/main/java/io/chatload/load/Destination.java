package io.chatload.load;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A database that receives loads: the entry point of this package. One Destination serves many threads; each
 * operation borrows a pooled connection. Table layouts are cached here (see {@link SchemaRegistry}).
 */
public final class Destination implements AutoCloseable {
    /** Enough for the parallel writers of a run plus DDL, ledger and queries. */
    private static final int MAX_CONNECTIONS = 32;
    private static final int VALID_TIMEOUT_SECONDS = 10;
    private static final Pattern URL_SECRET = Pattern.compile("(?i)(password|pwd)=[^;&]*");

    private final JdbcConnectionPool pool;
    private final Database db;
    private final NamingConvention naming;
    private final SchemaRegistry registry;
    private final LoadLedger ledger;
    private final StateStore state;

    private Destination(JdbcConnectionPool pool, Dialect dialect) {
        this.pool = pool;
        this.db = new Database(pool, dialect);
        this.naming = new NamingConvention(dialect.maxIdentifierLength());
        this.registry = new SchemaRegistry(db, naming, List.of(LoadLedger.DEFINITION, StateStore.DEFINITION));
        Clock clock = Clock.systemUTC();
        this.ledger = new LoadLedger(db, registry, naming, clock);
        this.state = new StateStore(db, registry, naming, clock);
    }

    /**
     * Connects and checks the connection works. The dialect comes from the URL; only H2 ({@code jdbc:h2:...}) is
     * supported so far. Error messages never contain the password.
     */
    public static Destination connect(String jdbcUrl, String user, String password) throws SQLException {
        String secret = password == null ? "" : password;
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new SQLException("unsupported database URL '" + redact(String.valueOf(jdbcUrl), secret)
                    + "': supported is H2 (jdbc:h2:...)");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user == null ? "" : user, secret);
        pool.setMaxConnections(MAX_CONNECTIONS);
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(VALID_TIMEOUT_SECONDS)) {
                throw new SQLException("the connection is not usable");
            }
        } catch (SQLException e) {
            pool.dispose();
            String message = "cannot connect to " + redact(jdbcUrl, secret) + " as user '" + user + "': "
                    + redact(String.valueOf(e.getMessage()), secret);
            SQLException clean = new SQLException(message, e.getSQLState(), e.getErrorCode());
            // the driver's own exception is kept only when its text cannot leak the password
            if (secret.isEmpty() || !String.valueOf(e).contains(secret)) {
                clean.initCause(e);
            }
            throw clean;
        }
        return new Destination(pool, new H2Dialect());
    }

    public Dialect dialect() {
        return db.dialect();
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * A batch for one resource run (a resource and its child resources) within one load; {@code batchSize} root
     * records, counted over all its tables, are buffered before a flush.
     */
    public LoadBatch batch(String loadId, int batchSize) {
        Objects.requireNonNull(loadId, "loadId");
        return new LoadBatch(db, registry, state, naming, loadId, batchSize);
    }

    public LoadLedger ledger() {
        return ledger;
    }

    public StateStore state() {
        return state;
    }

    /** Tables of a schema with row counts and columns: data tables first, then the _dlt_/_chatload_ ones. */
    public List<TableInfo> tables(String schema) throws SQLException {
        String name = naming.identifier(schema);
        Dialect dialect = dialect();
        List<TableInfo> tables = new ArrayList<>();
        for (Catalog.StoredTable table : new Catalog(db).tables(name).values()) {
            String from = dialect.quote(name) + '.' + dialect.quoteExact(table.stored());
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
        try (Connection connection = db.open(); Statement statement = connection.createStatement()) {
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
                        Object value = rows.getObject(i);
                        row.add(value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value);
                    }
                    result.add(row);
                }
                return new QueryResult(columns, result, -1);
            }
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }

    private static boolean isBookkeeping(String table) {
        return table.startsWith("_dlt_") || table.startsWith("_chatload_");
    }

    private static String redact(String text, String password) {
        String clean = URL_SECRET.matcher(text).replaceAll("$1=***");
        return password.isEmpty() ? clean : clean.replace(password, "***");
    }
}
