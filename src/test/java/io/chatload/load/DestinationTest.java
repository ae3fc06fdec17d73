package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatload.testing.TestDatabases.Kind;
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
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class DestinationTest extends OnEachDestination {
    /** SQL types as each database's catalog names them. */
    private String type(String h2, String postgres, String mariadb) {
        return switch (kind) {
            case H2 -> h2;
            case POSTGRES -> postgres;
            case MARIADB -> mariadb;
        };
    }

    @Test
    void theDatabaseKeepsItsDataForTheNextDestination() throws SQLException {
        TableTarget operators = new TableTarget("chaport_data", "operators", List.of("id"), WriteDisposition.MERGE);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(operators, json("{\"id\":\"op1\",\"jobTitle\":\"Support\"}"));
        batch.complete();
        destination.ledger().finished("chaport_data", "1", LoadStatus.COMPLETED, batch.rowsPerTable("chaport_data"), null);

        Destination next = db.reconnect();
        assertEquals(List.of(List.of("op1", "Support")), db.query("SELECT id, job_title FROM chaport_data.operators", 10).rows());
        assertEquals(Map.of("operators", 1L), next.ledger().recent("chaport_data", 1).get(0).rowsPerTable());
    }

    @Test
    void tablesListDataTablesFirstWithCountsAndColumns() throws SQLException {
        TableTarget visitors = new TableTarget("chaport_data", "visitors", List.of("id"), WriteDisposition.MERGE);
        LoadBatch batch = destination.batch("1", 10);
        batch.add(visitors, json("{\"id\":1,\"tags\":[\"a\",\"b\"]}"));
        batch.add(visitors, json("{\"id\":2}"));
        batch.complete();
        List<TableInfo> tables = destination.tables("chaport_data");
        assertEquals(List.of("visitors", "visitors__tags", "_chatload_loads", "_chatload_state", "_dlt_loads",
                        "_dlt_pipeline_state", "_dlt_version"),
                tables.stream().map(TableInfo::name).toList());
        assertEquals(2, tables.get(0).rowCount(), "visitors rows");
        assertEquals(2, tables.get(1).rowCount(), "tags rows");
        String text = type("CHARACTER VARYING", "character varying", "longtext");
        assertEquals(List.of(new ColumnInfo("id", type("BIGINT", "bigint", "bigint")), new ColumnInfo("_dlt_load_id", text),
                new ColumnInfo("_dlt_id", text)), tables.get(0).columns());
        assertEquals(List.of("value", "_dlt_root_id", "_dlt_parent_id", "_dlt_list_idx", "_dlt_id"),
                tables.get(1).columns().stream().map(ColumnInfo::name).toList());
        assertEquals("chaport_data", tables.get(0).schema());
    }

    @Test
    void queryRunsAnySqlAndCapsRows() throws SQLException {
        Dialect dialect = destination.dialect();
        String mixed = dialect.quoteExact("Mixed");
        db.query("CREATE SCHEMA misc_data", 0);
        assertEquals(0, db.query("CREATE TABLE misc_data.t (id INT, " + mixed + " INT)", 0).updateCount());
        assertEquals(3, db.query("INSERT INTO misc_data.t VALUES (1, 1), (2, 2), (3, 3)", 0).updateCount());
        QueryResult result = db.query("SELECT id, " + mixed + " FROM misc_data.t ORDER BY id", 2);
        assertEquals(List.of("id", "Mixed"), result.columns(), "folded names in lower case, quoted ones as written");
        assertEquals(List.of(List.of(1, 1), List.of(2, 2)), result.rows());
        assertEquals(-1, result.updateCount());
        db.query("CREATE TABLE misc_data." + dialect.quoteExact("Odd Table") + " (x INT)", 0);
        String integer = type("INTEGER", "integer", "int");
        assertEquals(List.of(new TableInfo("misc_data", "Odd Table", 0, List.of(new ColumnInfo("x", integer))),
                        new TableInfo("misc_data", "t", 3, List.of(new ColumnInfo("id", integer), new ColumnInfo("Mixed", integer)))),
                destination.tables("misc_data"), "tables made outside the loader are listed as they are named");
    }

    @Test
    void parallelWritersEvolveOneTableSafely() throws Exception {
        int writers = 4;
        int records = 30;
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
        assertEquals(writers * records, db.count("src_data.items"), "items");
        assertEquals(writers * records, db.count("src_data.items__parts"), "parts");
        for (int w = 0; w < writers; w++) {
            assertEquals(records, db.count("src_data.items WHERE field" + w + " IS NOT NULL"), "column field" + w);
        }
    }
}
