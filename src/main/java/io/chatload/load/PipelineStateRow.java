package io.chatload.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The row of {@code <schema>._dlt_pipeline_state} that dlt restores a pipeline from (dlt/pipeline/state_sync.py): the
 * pipeline {@value #PIPELINE} with the schema as its dataset and default schema. chatload's cursors stay in
 * {@code _chatload_state}; this state holds no sources, so it changes only with the schema's name and one row stays.
 * dlt takes the newest row whose load completed, so it is written with a completed load.
 */
final class PipelineStateRow {
    static final String PIPELINE = "chatload";
    /** dlt's PIPELINE_STATE_ENGINE_VERSION. */
    static final int ENGINE_VERSION = 4;
    private static final List<String> COLUMNS = List.copyOf(DltSystemTables.PIPELINE_STATE_TABLE.columns().keySet());

    private PipelineStateRow() {
    }

    /** dlt's pipeline state of the schema, with its {@code _version_hash}. */
    static Map<String, Object> state(String schema) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_state_version", 1);
        state.put("_state_engine_version", ENGINE_VERSION);
        state.put("pipeline_name", PIPELINE);
        state.put("dataset_name", schema);
        state.put("default_schema_name", schema);
        state.put("schema_names", List.of(schema));
        state.put("_version_hash", DltSchemaJson.stateHash(state));
        return state;
    }

    /** dlt's {@code compress_state}: the JSON, zlib at level 9, base64. */
    static String compress(Map<String, Object> state) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(Json.write(state).getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** In the caller's transaction (the one completing {@code loadId}): the state row, unless one with its hash is there. */
    static void write(Connection connection, Dialect dialect, String schema, String loadId, OffsetDateTime now)
            throws SQLException {
        Map<String, Object> state = state(schema);
        String hash = (String) state.get("_version_hash");
        String exists = "SELECT 1 FROM " + dialect.table(schema, DltSystemTables.PIPELINE_STATE) + " WHERE "
                + dialect.quote("pipeline_name") + " = ? AND " + dialect.quote("version_hash") + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(exists)) {
            statement.setString(1, PIPELINE);
            statement.setString(2, hash);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(dialect.insert(schema, DltSystemTables.PIPELINE_STATE, COLUMNS))) {
            insert.setLong(1, ((Number) state.get("_state_version")).longValue());
            insert.setLong(2, ENGINE_VERSION);
            insert.setString(3, PIPELINE);
            insert.setString(4, compress(state));
            dialect.bind(insert, 5, now, DataType.TIMESTAMP);
            insert.setString(6, hash);
            insert.setString(7, loadId);
            insert.setString(8, DltIds.random());
            insert.executeUpdate();
        }
    }
}
