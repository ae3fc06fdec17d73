package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationTest {

    private static String traceOf(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aWrongPasswordIsNeverEchoed() throws SQLException {
        String url = "jdbc:h2:mem:secret" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Destination owner = Destination.connect(url, "sa", "right-secret-1")) {
            SQLException e = assertThrows(SQLException.class, () -> Destination.connect(url, "sa", "wrong-secret-2"));
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
            assertFalse(traceOf(e).contains("wrong-secret-2"), traceOf(e));
            assertEquals("h2", owner.dialect().name());
        }
    }

    @Test
    void aFileDatabaseKeepsItsDataAcrossConnections(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath();
        TableTarget operators = new TableTarget("chaport_data", "operators", List.of("id"), WriteDisposition.MERGE);
        try (Destination destination = Destination.connect(url, "sa", "")) {
            LoadBatch batch = destination.batch("1", 10);
            batch.add(operators, json("{\"id\":\"op1\",\"jobTitle\":\"Support\"}"));
            batch.complete();
            destination.ledger().finished("chaport_data", "1", LoadStatus.COMPLETED, batch.rowsPerTable("chaport_data"), null);
        }
        try (Destination destination = Destination.connect(url, "sa", "")) {
            assertEquals(List.of(List.of("op1", "Support")),
                    destination.query("SELECT id, job_title FROM chaport_data.operators", 10).rows());
            assertEquals(Map.of("operators", 1L), destination.ledger().recent("chaport_data", 1).get(0).rowsPerTable());
        }
    }

    @Test
    void anUnsupportedUrlIsNamedWithoutItsPassword() {
        SQLException e = assertThrows(SQLException.class,
                () -> Destination.connect("jdbc:oracle:thin:@h:1521/x?password=hunter2", "u", "hunter2"));
        assertTrue(e.getMessage().contains("password=***") && !e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void tablesListDataTablesFirstWithCountsAndColumns() throws SQLException {
        try (Destination destination = TestDestinations.fresh()) {
            TableTarget visitors = new TableTarget("chaport_data", "visitors", List.of("id"), WriteDisposition.MERGE);
            LoadBatch batch = destination.batch("1", 10);
            batch.add(visitors, json("{\"id\":1,\"tags\":[\"a\",\"b\"]}"));
            batch.add(visitors, json("{\"id\":2}"));
            batch.complete();
            List<TableInfo> tables = destination.tables("chaport_data");
            assertEquals(List.of("visitors", "visitors__tags", "_chatload_state", "_dlt_loads"),
                    tables.stream().map(TableInfo::name).toList());
            assertEquals(2, tables.get(0).rowCount(), "visitors rows");
            assertEquals(2, tables.get(1).rowCount(), "tags rows");
            assertEquals(List.of(new ColumnInfo("id", "BIGINT"), new ColumnInfo("_dlt_load_id", "CHARACTER VARYING"),
                    new ColumnInfo("_dlt_id", "CHARACTER VARYING")), tables.get(0).columns());
            assertEquals(List.of("value", "_dlt_root_id", "_dlt_parent_id", "_dlt_list_idx", "_dlt_id"),
                    tables.get(1).columns().stream().map(ColumnInfo::name).toList());
            assertEquals("chaport_data", tables.get(0).schema());
        }
    }

    @Test
    void queryRunsAnySqlAndCapsRows() throws SQLException {
        try (Destination destination = TestDestinations.fresh()) {
            assertEquals(0, destination.query("CREATE TABLE t (id INT, \"Mixed\" INT)", 0).updateCount());
            assertEquals(3, destination.query("INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)", 0).updateCount());
            QueryResult result = destination.query("SELECT id, \"Mixed\" FROM t ORDER BY id", 2);
            assertEquals(List.of("id", "Mixed"), result.columns(), "folded names in lower case, quoted ones as written");
            assertEquals(List.of(List.of(1, 1), List.of(2, 2)), result.rows());
            assertEquals(-1, result.updateCount());
            destination.query("CREATE TABLE \"Odd Table\" (x INT)", 0);
            assertEquals(List.of(new TableInfo("public", "Odd Table", 0, List.of(new ColumnInfo("x", "INTEGER"))),
                    new TableInfo("public", "t", 3, List.of(new ColumnInfo("id", "INTEGER"), new ColumnInfo("Mixed", "INTEGER")))),
                    destination.tables("public"), "tables made outside the loader are listed as they are named");
        }
    }

    @Test
    void parallelWritersEvolveOneTableSafely() throws Exception {
        int writers = 4;
        int records = 30;
        try (Destination destination = TestDestinations.fresh()) {
            TableTarget target = new TableTarget("src_data", "items", List.of("id"), WriteDisposition.MERGE);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<String, Long>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writerNo = w;
                results.add(pool.submit(() -> {
                    start.await();
                    LoadBatch batch = destination.batch("load" + writerNo, 3);
                    for (int i = 0; i < records; i++) {
                        batch.add(target, json("{\"id\":" + (writerNo * 1000 + i) + ",\"field" + writerNo + "\":" + i
                                + ",\"parts\":[{\"n\":" + i + "}]}"));
                    }
                    batch.complete();
                    return batch.rowsPerTable("src_data");
                }));
            }
            start.countDown();
            for (Future<Map<String, Long>> result : results) {
                assertEquals(Map.of("items", (long) records, "items__parts", (long) records), result.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertEquals(writers * records, TestDestinations.count(destination, "src_data.items"), "items");
            assertEquals(writers * records, TestDestinations.count(destination, "src_data.items__parts"), "parts");
            for (int w = 0; w < writers; w++) {
                assertEquals(records, TestDestinations.count(destination, "src_data.items WHERE field" + w + " IS NOT NULL"),
                        "column field" + w);
            }
        }
    }
}
