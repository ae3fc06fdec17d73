package io.chatload.load;

import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.Kind;
import io.chatload.testing.TestDatabases.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One test's destination on an empty database of one kind, and the queries a test reads it with. The SQL a test
 * writes names schemas as a user does ({@code chaport_data.visitors}); on MariaDB it is given the test's schema
 * prefix (see {@link TestDatabase#sql}).
 *
 * <p>Databases are reused: a test's database is emptied and handed to the next test of the JVM, and all are dropped
 * when the JVM ends. Creating one per test would cost PostgreSQL a second each (DROP DATABASE waits for a checkpoint).
 */
final class TestDestination implements AutoCloseable {
    private static final Queue<TestDatabase> IDLE = new ConcurrentLinkedQueue<>();
    private static final Queue<TestDatabase> ALL = new ConcurrentLinkedQueue<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDestination::dropAll, "drop-test-databases"));
    }

    private final TestDatabase database;
    private final List<Destination> opened = new ArrayList<>();
    private Destination destination;

    private TestDestination(TestDatabase database) throws SQLException {
        this.database = database;
        this.destination = connect();
    }

    /** A destination on an empty database of {@code kind}; skips the test when that server is not there (see TestDatabases). */
    static TestDestination open(Kind kind) throws SQLException {
        TestDatabase database = borrow(kind);
        try {
            return new TestDestination(database);
        } catch (SQLException | RuntimeException e) {
            IDLE.add(database);
            throw e;
        }
    }

    Kind kind() {
        return database.kind();
    }

    Destination destination() {
        return destination;
    }

    /** Closes the destination and connects a new one to the same database, as a later run would. */
    Destination reconnect() throws SQLException {
        destination.close();
        destination = connect();
        return destination;
    }

    /** One more destination on the same database, as another process would have; closed with this. */
    Destination another() throws SQLException {
        return connect();
    }

    /** The test's SQL for this database: schema names prefixed where the database needs it. */
    String sql(String sql) {
        return database.sql(sql);
    }

    /** Where a schema is stored, as a string literal in a catalog query needs it. */
    String storedSchema(String schema) {
        return destination.storedSchema(schema);
    }

    QueryResult query(String sql, int maxRows) throws SQLException {
        return destination.query(sql(sql), maxRows);
    }

    /** The rows of a query as column → value maps (column names as the destination reports them). */
    List<Map<String, Object>> rows(String sql) throws SQLException {
        QueryResult result = query(sql, 10_000);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(result.columns().get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Rows of a table, or of anything that may follow FROM ({@code t WHERE ...}, a join). */
    long count(String from) throws SQLException {
        return ((Number) query("SELECT COUNT(*) FROM " + from, 1).rows().get(0).get(0)).longValue();
    }

    @Override
    public void close() {
        opened.forEach(Destination::close);
        IDLE.add(database);
    }

    private Destination connect() throws SQLException {
        Destination connected = Destination.connect(database.url(), database.user(), database.password());
        opened.add(connected);
        return connected;
    }

    private static TestDatabase borrow(Kind kind) throws SQLException {
        for (TestDatabase idle : IDLE) {
            if (idle.kind() == kind && IDLE.remove(idle)) {
                idle.reset();
                return idle;
            }
        }
        TestDatabase created = TestDatabases.create(kind, "load");
        ALL.add(created);
        return created;
    }

    /** H2's in-memory databases end with the JVM anyway. */
    private static void dropAll() {
        for (TestDatabase database : ALL) {
            if (database.kind() == Kind.H2) {
                continue;
            }
            try {
                database.close();
            } catch (SQLException | RuntimeException e) {
                System.err.println("could not drop test database " + database + ": " + e.getMessage());
            }
        }
    }
}
