package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's COPY path stores what the statement path stores: the same hostile rows, once bound as parameters and
 * once sent as COPY text, into two tables of one shape, compared row by row as PostgreSQL prints them.
 */
class CopyRowsTest {
    private static final PostgresDialect DIALECT = new PostgresDialect();
    private static final String SCHEMA = "copy_data";
    private static final TableSchema BY_STATEMENT = table("by_statement");
    private static final TableSchema BY_COPY = table("by_copy");
    private static final List<String> KEY = List.of("id");

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabases.postgres("copy");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    private static TableSchema table(String name) {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("id", DataType.BIGINT);
        for (DataType type : DataType.values()) {
            columns.put("c_" + type.dltName(), type);
        }
        return new TableSchema(name, columns);
    }

    @BeforeEach
    void createTables() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + DIALECT.quoteSchema(SCHEMA) + " CASCADE");
            statement.execute(DIALECT.createSchema(SCHEMA));
            for (TableSchema table : List.of(BY_STATEMENT, BY_COPY)) {
                for (String sql : DIALECT.createTable(SCHEMA, table.name(), table.columns(), KEY, Map.of())) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /** Every kind of value the loader binds, at its edges; one value per row, the other columns NULL. */
    private static List<Map<String, Object>> hostileRows(long firstId) {
        List<Object> values = List.of("plain", "", "tab\there", "new\nline", "cr\rlf\r\n", "back\\slash\\", "\\N", "\\.",
                "a\\tb", "\u0001\u0002\u001f\u007f", "ünïcödé Имя 名前", "emoji 😀👍🏽", "lone \uD800 surrogate",
                "x".repeat(200_000), "' quote \" double",
                Long.MIN_VALUE, Long.MAX_VALUE, 0L,
                0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e300, 123456789.123456789, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                true, false,
                OffsetDateTime.parse("2024-02-29T23:59:59.123456+05:30"), OffsetDateTime.parse("0001-01-01T00:00Z"),
                OffsetDateTime.parse("1970-01-01T00:00:00.000001Z"), OffsetDateTime.parse("9999-12-31T23:59:59.999999Z"),
                OffsetDateTime.parse("0001-01-01T00:00+05:00"), OffsetDateTime.parse("9999-12-31T23:00-05:00"),
                OffsetDateTime.parse("2000-01-01T00:00+05:00"),
                new BigDecimal("99999999999999999999999999999999999999"), new BigDecimal("-12345678901234567890123"),
                BigDecimal.ZERO,
                new JsonValue("{\"q\":\"say \\\"hi\\\"\",\"t\":\"a\\tb\\\\c\\nd\",\"u\":\"\\u00e9 😀\",\"n\":null,\"l\":[1,2.5,true]}"),
                new JsonValue("[]"), new JsonValue("\"\\\\N\""));
        List<Map<String, Object>> rows = new ArrayList<>();
        long id = firstId;
        for (Object value : values) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", id++);
            row.put("c_" + columnOf(value).dltName(), value);
            rows.add(row);
        }
        // rows of NULLs up to as many as a merge needs to take the COPY path
        while (rows.size() < PostgresCopy.MIN_MERGE_ROWS) {
            Map<String, Object> allNull = new HashMap<>();
            allNull.put("id", id++);
            rows.add(allNull);
        }
        return rows;
    }

    private static DataType columnOf(Object value) {
        return value instanceof JsonValue ? DataType.JSON : value instanceof BigDecimal ? DataType.DECIMAL
                : TypeInference.valueType(value);
    }

    /** Writes the rows into both tables, each in one transaction as a flush does; {@code merge} upserts them. */
    private static void writeBoth(List<Map<String, Object>> rows, boolean merge) throws SQLException {
        assertTrue(rows.size() >= (merge ? PostgresCopy.MIN_MERGE_ROWS : PostgresCopy.MIN_ROWS), "enough rows for COPY");
        write(new RowWrites(DIALECT, Optional.empty()), BY_STATEMENT, rows, merge);
        write(new RowWrites(DIALECT), BY_COPY, rows, merge);
    }

    private static void write(RowWrites writes, TableSchema table, List<Map<String, Object>> rows, boolean merge)
            throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            if (merge) {
                writes.upsert(connection, SCHEMA, table, KEY, rows);
            } else {
                writes.insert(connection, SCHEMA, table, rows);
            }
            connection.commit();
        }
    }

    /** Each row of a table as PostgreSQL prints it, by id. */
    private static Map<Long, String> stored(TableSchema table) throws SQLException {
        Map<Long, String> rows = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT t.id, t::text FROM " + DIALECT.table(SCHEMA, table.name())
                     + " t ORDER BY t.id")) {
            while (result.next()) {
                rows.put(result.getLong(1), result.getString(2));
            }
        }
        return rows;
    }

    private static void assertSameRows() throws SQLException {
        Map<Long, String> expected = stored(BY_STATEMENT);
        Map<Long, String> actual = stored(BY_COPY);
        assertEquals(expected.keySet(), actual.keySet(), "ids");
        for (Map.Entry<Long, String> row : expected.entrySet()) {
            assertEquals(row.getValue(), actual.get(row.getKey()), "row " + row.getKey());
        }
    }

    @Test
    void copiedRowsAreStoredAsBoundRowsAre() throws SQLException {
        writeBoth(hostileRows(1), false);
        assertSameRows();
    }

    @Test
    void aMergeThroughStagingOverwritesAsTheStatementUpsertDoes() throws SQLException {
        List<Map<String, Object>> first = hostileRows(1);
        writeBoth(first, true);
        // the same keys again, each row now holding another row's value (and NULL where it had one), and new keys
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Map<String, Object> row = new HashMap<>(first.get((i + 1) % first.size()));
            row.put("id", first.get(i).get("id"));
            second.add(row);
        }
        second.addAll(hostileRows(1000));
        writeBoth(second, true);
        assertSameRows();
        assertEquals(2 * first.size(), stored(BY_COPY).size(), "rows");
    }

    @Test
    void aKeyTwiceInOneMergeWritesItsLastRow() throws SQLException {
        List<Map<String, Object>> rows = hostileRows(1);
        Map<String, Object> last = new HashMap<>(rows.get(3));
        last.put("id", rows.get(0).get("id"));
        rows.add(last);
        writeBoth(rows, true);
        assertSameRows();
        assertEquals(rows.size() - 1, stored(BY_COPY).size(), "rows");
    }

    @Test
    void aMergeGoesThroughAStagingTableThatTheCommitDrops() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            List<Map<String, Object>> rows = hostileRows(1);
            new RowWrites(DIALECT).upsert(connection, SCHEMA, BY_COPY, KEY, rows);
            List<String> staging = stagingTables(statement);
            assertEquals(1, staging.size(), "one staging table: " + staging);
            assertEquals(rows.size(), count(statement, "SELECT count(*) FROM pg_temp." + staging.get(0)), "staged rows");
            connection.commit();
            assertEquals(List.of(), stagingTables(statement), "staging tables after the commit");
        }
    }

    @Test
    void aTableMergedTwiceInOneTransactionTakesEachMergeOnce() throws SQLException {
        List<Map<String, Object>> first = hostileRows(1);
        List<Map<String, Object>> second = hostileRows(first.size() / 2);
        second.forEach(row -> row.put("c_text", "second"));
        Map<TableSchema, RowWrites> paths = Map.of(BY_STATEMENT, new RowWrites(DIALECT, Optional.empty()),
                BY_COPY, new RowWrites(DIALECT));
        for (Map.Entry<TableSchema, RowWrites> path : paths.entrySet()) {
            try (Connection connection = connect()) {
                connection.setAutoCommit(false);
                path.getValue().upsert(connection, SCHEMA, path.getKey(), KEY, first);
                path.getValue().upsert(connection, SCHEMA, path.getKey(), KEY, second);
                connection.commit();
            }
        }
        assertSameRows();
        assertEquals(first.size() / 2 - 1 + second.size(), stored(BY_COPY).size(), "rows");
    }

    @Test
    void aTableThatGainedAColumnMergesIntoItInTheSameSession() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            RowWrites writes = new RowWrites(DIALECT);
            writes.upsert(connection, SCHEMA, BY_COPY, KEY, hostileRows(1));
            connection.commit();
            statement.execute(DIALECT.addColumns(SCHEMA, BY_COPY.name(), Map.of("added", DataType.TEXT)));
            connection.commit();
            Map<String, DataType> columns = new LinkedHashMap<>(BY_COPY.columns());
            columns.put("added", DataType.TEXT);
            List<Map<String, Object>> rows = hostileRows(1);
            rows.forEach(row -> row.put("added", "new column"));
            writes.upsert(connection, SCHEMA, new TableSchema(BY_COPY.name(), columns), KEY, rows);
            connection.commit();
            assertEquals(rows.size(), count(statement, "SELECT count(*) FROM " + DIALECT.table(SCHEMA, BY_COPY.name())
                    + " WHERE added = 'new column'"), "rows with the new column");
        }
    }

    @Test
    void aLoginThatMayNotMakeTemporaryTablesMergesWithStatements() throws SQLException {
        String role = "chatload_copy_test_" + System.nanoTime();
        String db = '"' + database.url().substring(database.url().lastIndexOf('/') + 1) + '"';
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN");
            statement.execute("GRANT USAGE ON SCHEMA " + DIALECT.quoteSchema(SCHEMA) + " TO " + role);
            statement.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA " + DIALECT.quoteSchema(SCHEMA) + " TO " + role);
            statement.execute("REVOKE TEMPORARY ON DATABASE " + db + " FROM PUBLIC");
            try (Connection connection = DriverManager.getConnection(database.url(), role, "")) {
                connection.setAutoCommit(false);
                List<Map<String, Object>> rows = hostileRows(1);
                // another login is another destination, with a dialect of its own (the shared one has seen TEMPORARY)
                new RowWrites(new PostgresDialect()).upsert(connection, SCHEMA, BY_COPY, KEY, rows);
                connection.commit();
                assertEquals(rows.size(), stored(BY_COPY).size(), "rows");
            } finally {
                statement.execute("GRANT TEMPORARY ON DATABASE " + db + " TO PUBLIC");
                statement.execute("DROP OWNED BY " + role);
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    /** The staging tables of this session. */
    private static List<String> stagingTables(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT relname FROM pg_class WHERE relname LIKE"
                + " 'chatload\\_staging\\_%' AND relpersistence = 't' AND pg_table_is_visible(oid)")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    @Test
    void textWithANulCharacterFailsTheWriteAsABoundValueDoes() throws SQLException {
        // PostgreSQL's text cannot hold U+0000: the flush fails on either path, and nothing is written
        List<Map<String, Object>> rows = hostileRows(1);
        rows.get(0).put("c_text", "nul\u0000char");
        assertThrows(SQLException.class, () -> write(new RowWrites(DIALECT, Optional.empty()), BY_STATEMENT, rows, false));
        assertThrows(SQLException.class, () -> write(new RowWrites(DIALECT), BY_COPY, rows, false));
        assertEquals(Map.of(), stored(BY_COPY), "nothing written");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
