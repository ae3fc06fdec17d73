package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.load.naming.Naming;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.Kind;
import io.chatload.testing.TestDatabases.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A record with thousands of keys, from an API gone wrong, on a table that already exists: it once took 101 s and grew
 * an H2 file to 1.4 GB (an ALTER TABLE per column, each copying the table). Now a table's new columns come in one
 * statement, and the column cap stops such a record in well under a second, the file growing by kilobytes.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class WideRecordTest {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final long SMALL_FILE = 50L * 1024 * 1024;
    private static final TableTarget WIDE = new TableTarget("src_data", "wide", List.of("id"), WriteDisposition.MERGE);

    @Parameter
    Kind kind;

    @TempDir
    Path dir;

    private TestDatabase database;
    private Destination destination;

    @BeforeEach
    void open() throws SQLException {
        // H2 in a file, so that its growth shows
        database = kind == Kind.H2 ? TestDatabases.h2(dir) : TestDatabases.create(kind, "wide");
        destination = Destination.connect(database.url(), database.user(), database.password());
        LoadBatch first = destination.batch("1", 1);
        first.add(WIDE, Map.of("id", 1L, "name", "Ann"));
        first.complete();
    }

    @AfterEach
    void close() throws SQLException {
        if (destination != null) {
            destination.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static Map<String, Object> wideRecord(long id, int keys) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        for (int i = 0; i < keys; i++) {
            record.put("field" + i, (long) i);
        }
        return record;
    }

    private List<String> columns(String table) throws SQLException {
        return destination.tables("src_data").stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow()
                .columns().stream().map(ColumnInfo::name).toList();
    }

    private long rows(String sql) throws SQLException {
        return ((Number) destination.query(database.sql(sql), 1).rows().get(0).get(0)).longValue();
    }

    private long h2FileBytes() throws Exception {
        if (kind != Kind.H2) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    @Test
    void aWideRecordOnAnExistingTableGetsItsColumnsInOneStatement() throws Exception {
        AtomicInteger alters = new AtomicInteger();
        Dialect dialect = destination.dialect();
        SchemaRegistry registry = new SchemaRegistry(new Database(counting(destination.dataSource(), alters), dialect),
                Naming.SNAKE_CASE.convention(dialect.maxIdentifierLength()), List.of(), (schema, tables) -> false);
        Map<String, Object> row = new LinkedHashMap<>(wideRecord(2, 400));
        row.put(Flattener.ID, "w2");
        long before = h2FileBytes();
        long started = System.nanoTime();

        PreparedRows prepared = registry.prepare("src_data", "wide", List.of("id"), List.of(row),
                SchemaContract.EVOLVE, false);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(1, alters.get(), "one ALTER TABLE for the 400 new columns");
        assertEquals(404, prepared.table().columns().size(), "id, name, _dlt_load_id, _dlt_id and 400 fields");
        assertEquals(404, columns("wide").size(), "the database has them all");
        assertTrue(took.compareTo(QUICK) < 0, "took " + took);
        assertTrue(h2FileBytes() - before < SMALL_FILE, "H2 file grew by " + (h2FileBytes() - before) + " bytes");

        LoadBatch batch = destination.batch("2", 1);
        batch.add(WIDE, wideRecord(2, 400));
        batch.complete();
        assertEquals(399L, rows("SELECT field399 FROM src_data.wide WHERE id = 2"), "the record loads into them");
    }

    @Test
    void aFiveThousandKeyRecordMeetsTheColumnCapQuicklyAndNothingOfItsBatchIsWritten() throws Exception {
        long before = h2FileBytes();
        long started = System.nanoTime();
        LoadBatch batch = destination.batch("2", 2);
        batch.add(WIDE, Map.of("id", 3L, "name", "Bob"));

        SchemaContractException refused = assertThrows(SchemaContractException.class,
                () -> batch.add(WIDE, wideRecord(2, 5000)));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(refused.getMessage().contains("table 'wide'") && refused.getMessage().contains("maxColumns 500")
                && refused.getMessage().contains("'field"), refused.getMessage());
        assertEquals(java.util.Set.of("id", "name", "_dlt_load_id", "_dlt_id"), java.util.Set.copyOf(columns("wide")),
                "no column added");
        assertEquals(1L, rows("SELECT COUNT(*) FROM src_data.wide"), "Bob, in the same batch, was not written either");
        assertTrue(took.compareTo(QUICK) < 0, "took " + took);
        assertTrue(h2FileBytes() - before < SMALL_FILE, "H2 file grew by " + (h2FileBytes() - before) + " bytes");
    }

    @Test
    void underDiscardValueANewTableTakesTheFirstColumnsUpToTheCapAndTheRecordLoads() throws Exception {
        TableTarget capped = new TableTarget("src_data", "wider", List.of("id"), WriteDisposition.MERGE,
                SchemaContract.EVOLVE.withModes("columns=discard_value"));
        long before = h2FileBytes();
        long started = System.nanoTime();
        LoadBatch batch = destination.batch("2", 1);
        batch.add(capped, wideRecord(2, 5000));
        batch.complete();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> columns = columns("wider");
        assertEquals(SchemaContract.DEFAULT_MAX_COLUMNS, columns.size(), "columns at the cap");
        assertTrue(columns.containsAll(List.of("id", "_dlt_id", "_dlt_load_id", "field0")), columns.toString());
        assertEquals(1L, rows("SELECT COUNT(*) FROM src_data.wider WHERE id = 2 AND field0 = 0"));
        assertEquals(List.of("table src_data.wider: the schema contract left out 0 rows, 4503 values (first: "
                + "columns=discard_value, column 'field497')"), batch.contractNotes());
        assertTrue(took.compareTo(QUICK) < 0, "took " + took);
        assertTrue(h2FileBytes() - before < SMALL_FILE, "H2 file grew by " + (h2FileBytes() - before) + " bytes");
    }

    /** The data source with every ALTER TABLE its statements execute counted. */
    private static DataSource counting(DataSource dataSource, AtomicInteger alters) {
        InvocationHandler sources = (proxy, method, args) -> {
            Object result = invoke(dataSource, method, args);
            return result instanceof Connection c && method.getName().equals("getConnection") ? countingConnection(c, alters) : result;
        };
        return (DataSource) Proxy.newProxyInstance(WideRecordTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, sources);
    }

    private static Connection countingConnection(Connection connection, AtomicInteger alters) {
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                InvocationHandler statements = (p, m, a) -> {
                    if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql
                            && sql.toUpperCase(Locale.ROOT).startsWith("ALTER TABLE")) {
                        alters.incrementAndGet();
                    }
                    return invoke(statement, m, a);
                };
                return Proxy.newProxyInstance(WideRecordTest.class.getClassLoader(), new Class<?>[] {Statement.class}, statements);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(WideRecordTest.class.getClassLoader(), new Class<?>[] {Connection.class}, connections);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
