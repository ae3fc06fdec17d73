package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases.Kind;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** dlt's system tables after loads: {@code _dlt_loads} (status 0 per completed load), {@code _dlt_version}, {@code _dlt_pipeline_state}. */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class DltSystemTablesTest extends OnEachDestination {
    private static final String SCHEMA = "chaport_data";
    private static final TableTarget VISITORS = new TableTarget(SCHEMA, "visitors", List.of("id"), WriteDisposition.MERGE);

    @Test
    void onlyCompletedLoadsAreInDltLoadsWithStatusZero() throws SQLException {
        load("1700000000.1", LoadStatus.COMPLETED, Map.of("id", "v1", "name", "Ann"));
        load("1700000000.2", LoadStatus.FAILED, Map.of("id", "v2", "name", "Bob"));
        destination.ledger().started(SCHEMA, "1700000000.3");
        load("1700000000.4", LoadStatus.COMPLETED, Map.of("id", "v3", "name", "Cy"));

        assertEquals(List.of(List.of(2L)), longs("SELECT COUNT(*) FROM chaport_data._dlt_loads WHERE status = 0"));
        assertEquals(List.of(List.of("1700000000.1", SCHEMA), List.of("1700000000.4", SCHEMA)),
                db.query("SELECT load_id, schema_name FROM chaport_data._dlt_loads ORDER BY load_id", 10).rows());
        assertEquals(List.of(List.of("1700000000.1", "COMPLETED"), List.of("1700000000.2", "FAILED"),
                        List.of("1700000000.3", "RUNNING"), List.of("1700000000.4", "COMPLETED")),
                db.query("SELECT load_id, status FROM chaport_data._chatload_loads ORDER BY load_id", 10).rows(),
                "the history keeps every load");
        assertEquals(List.of("load_id", "schema_name", "status", "inserted_at", "schema_version_hash"), columns("_dlt_loads"));
        assertEquals(List.of("1700000000.4", "1700000000.3", "1700000000.2", "1700000000.1"),
                destination.ledger().recent(SCHEMA, 10).stream().map(LoadRecord::loadId).toList(), "show reads the history");
    }

    @Test
    void dltVersionHoldsTheSchemaWithItsHash() throws SQLException {
        load("1700000000.1", LoadStatus.COMPLETED, Map.of("id", "v1", "name", "Ann", "tags", List.of("a", "b")));

        List<Map<String, Object>> versions = db.rows("SELECT version, engine_version, schema_name, version_hash, schema"
                + " FROM chaport_data._dlt_version");
        assertEquals(1, versions.size(), "one version: " + versions);
        Map<String, Object> row = versions.get(0);
        assertEquals(List.of(1L, 11L, SCHEMA), List.of(((Number) row.get("version")).longValue(),
                ((Number) row.get("engine_version")).longValue(), row.get("schema_name")));
        Map<String, Object> stored = DltSchemaJson.read((String) row.get("schema"));
        assertEquals(row.get("version_hash"), stored.get("version_hash"));
        assertEquals(row.get("version_hash"), DltSchemaJson.versionHash(stored), "dlt's hash of the stored JSON");
        Map<String, Object> tables = map(stored.get("tables"));
        Map<String, Object> visitors = map(tables.get("visitors"));
        assertEquals("merge", visitors.get("write_disposition"));
        assertEquals(Map.of("name", "id", "data_type", "text", "nullable", false, "primary_key", true),
                map(visitors.get("columns")).get("id"));
        assertEquals("visitors", map(tables.get("visitors__tags")).get("parent"));
        assertTrue(tables.keySet().containsAll(List.of("_dlt_loads", "_dlt_version", "_dlt_pipeline_state")), tables.keySet().toString());
        assertEquals(List.of(List.of(row.get("version_hash"))),
                db.query("SELECT schema_version_hash FROM chaport_data._dlt_loads", 10).rows(), "the load names its schema version");

        load("1700000000.2", LoadStatus.COMPLETED, Map.of("id", "v2", "name", "Bob"));
        assertEquals(List.of(List.of(1L)), longs("SELECT COUNT(*) FROM chaport_data._dlt_version"), "same schema, no new version");
        load("1700000000.3", LoadStatus.COMPLETED, Map.of("id", "v3", "name", "Cy", "email", "cy@example.com"));
        List<Map<String, Object>> newest = db.rows("SELECT version, version_hash, schema FROM chaport_data._dlt_version"
                + " WHERE version = 2");
        assertEquals(1, newest.size(), "a new column is version 2");
        Map<String, Object> second = DltSchemaJson.read((String) newest.get(0).get("schema"));
        assertEquals(List.of(row.get("version_hash")), second.get("previous_hashes"));
        assertTrue(map(map(map(second.get("tables")).get("visitors")).get("columns")).containsKey("email"));
    }

    @Test
    void dltPipelineStateHasDltsColumnsAndARowDltRestores() throws SQLException, DataFormatException {
        load("1700000000.1", LoadStatus.COMPLETED, Map.of("id", "v1"));
        load("1700000000.2", LoadStatus.COMPLETED, Map.of("id", "v2"));

        assertEquals(List.of("version", "engine_version", "pipeline_name", "state", "created_at", "version_hash",
                "_dlt_load_id", "_dlt_id"), columns("_dlt_pipeline_state"));
        // dlt's get_stored_state: the newest state of the pipeline whose load completed
        List<List<Object>> state = db.query("SELECT s.state, s.version_hash FROM chaport_data._dlt_pipeline_state s"
                + " JOIN chaport_data._dlt_loads l ON l.load_id = s._dlt_load_id WHERE s.pipeline_name = 'chatload'"
                + " AND l.status = 0", 10).rows();
        assertEquals(1, state.size(), "one state row: the state did not change");
        Map<String, Object> decoded = DltSchemaJson.read(inflate((String) state.get(0).get(0)));
        assertEquals(List.of("chatload", SCHEMA, SCHEMA, List.of(SCHEMA), state.get(0).get(1)),
                List.of(decoded.get("pipeline_name"), decoded.get("dataset_name"), decoded.get("default_schema_name"),
                        decoded.get("schema_names"), decoded.get("_version_hash")));
    }

    @Test
    void aLedgerOfTheOldLayoutIsMigratedAtStart() throws SQLException {
        Dialect dialect = destination.dialect();
        Map<String, DataType> old = new LinkedHashMap<>();
        for (String column : List.of("load_id", "schema_name", "status")) {
            old.put(column, DataType.TEXT);
        }
        for (String column : List.of("inserted_at", "started_at", "finished_at")) {
            old.put(column, DataType.TIMESTAMP);
        }
        old.put("rows_per_table", DataType.TEXT);
        old.put("error", DataType.TEXT);
        OffsetDateTime at = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        try (Connection connection = destination.dataSource().getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute(dialect.createSchema(SCHEMA));
            for (String sql : dialect.createTable(SCHEMA, "_dlt_loads", old, List.of("load_id"), Map.of())) {
                ddl.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(SCHEMA, "_dlt_loads", List.copyOf(old.keySet())))) {
                for (String[] load : new String[][] {{"1", "COMPLETED", null}, {"2", "FAILED", "HTTP 500 on /visitors"}, {"3", "RUNNING", null}}) {
                    insert.setString(1, load[0]);
                    insert.setString(2, SCHEMA);
                    insert.setString(3, load[1]);
                    for (int i = 4; i <= 6; i++) {
                        dialect.bind(insert, i, load[1].equals("RUNNING") && i == 6 ? null : at, DataType.TIMESTAMP);
                    }
                    insert.setString(7, "{\"visitors\":1}");
                    insert.setString(8, load[2]);
                    insert.executeUpdate();
                }
            }
        }
        destination = db.reconnect();

        List<LoadRecord> history = destination.ledger().recent(SCHEMA, 10);
        assertEquals(List.of("3 RUNNING", "2 FAILED", "1 COMPLETED"),
                history.stream().map(r -> r.loadId() + " " + r.status()).toList(), "the old rows are the history");
        assertEquals("HTTP 500 on /visitors", history.get(1).error());
        assertEquals(Map.of("visitors", 1L), history.get(2).rowsPerTable());
        assertEquals(List.of("load_id", "schema_name", "status", "inserted_at", "schema_version_hash"), columns("_dlt_loads"));
        assertEquals(List.of(List.of("1")), db.query("SELECT load_id FROM chaport_data._dlt_loads WHERE status = 0", 10).rows());
        load("4", LoadStatus.COMPLETED, Map.of("id", "v1"));
        assertEquals(List.of(List.of(2L)), longs("SELECT COUNT(*) FROM chaport_data._dlt_loads WHERE status = 0"));
    }

    /** A load of one resource writing {@code record} into visitors, finished with {@code status}. */
    private void load(String loadId, LoadStatus status, Map<String, Object> record) throws SQLException {
        destination.ledger().started(SCHEMA, loadId);
        LoadBatch batch = destination.batch(loadId, 100);
        batch.add(VISITORS, new LinkedHashMap<>(record));
        batch.complete();
        destination.ledger().finished(SCHEMA, loadId, status, batch.rowsPerTable(SCHEMA),
                status == LoadStatus.FAILED ? "HTTP 500 on /visitors" : null);
    }

    private List<String> columns(String table) throws SQLException {
        return destination.tables(SCHEMA).stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow()
                .columns().stream().map(ColumnInfo::name).toList();
    }

    private List<List<Long>> longs(String sql) throws SQLException {
        return db.query(sql, 10).rows().stream().map(r -> r.stream().map(v -> ((Number) v).longValue()).toList()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String inflate(String base64) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(base64));
        byte[] out = new byte[64 * 1024];
        int length = inflater.inflate(out);
        inflater.end();
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }
}
