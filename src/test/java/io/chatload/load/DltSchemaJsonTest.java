package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * The stored schema's and the pipeline state's hashes as dlt computes them. The expected values come from dlt's own
 * functions (dlt/common/schema/utils.py generate_version_hash, dlt/common/versioned_state.py
 * generate_state_version_hash) run with orjson on the JSON these tests build.
 */
class DltSchemaJsonTest {
    /**
     * dlt's generate_version_hash of this schema (its merge table declares {@code x-merge-strategy: upsert}), as
     * Python's hashlib.sha3_256 over the sorted compact JSON plus table and column names gives it.
     */
    private static final String DLT_SCHEMA_HASH = "Kbuh0fgsfLdtl+cnQ9qR0QLL8wbk3CD8DCGhLhAMHbc=";
    private static final String DLT_STATE_HASH = "Gh9aPssdoui/NV1uaX+eDGS9hT1hypUaSrGa9WviJyE=";

    @Test
    void theSchemaHashIsDlts() {
        Map<String, Object> schema = schema(visitors());
        assertEquals(DLT_SCHEMA_HASH, schema.get("version_hash"));
        assertEquals(DLT_SCHEMA_HASH, DltSchemaJson.versionHash(DltSchemaJson.read(Json.write(schema))),
                "the stored JSON, read back, gives its own hash");
    }

    @Test
    void aNewColumnOrAnotherColumnOrderIsANewVersion() {
        Map<String, DataType> more = visitors();
        more.put("email", DataType.TEXT);
        assertNotEquals(DLT_SCHEMA_HASH, schema(more).get("version_hash"), "a new column");
        Map<String, DataType> reordered = new LinkedHashMap<>();
        reordered.put("name", DataType.TEXT);
        reordered.putAll(visitors());
        assertNotEquals(DLT_SCHEMA_HASH, schema(reordered).get("version_hash"), "dlt hashes the column order too");
    }

    /** What the stored schema tells dlt about chatload's layout: the merge strategy, json and decimal types, NOT NULL. */
    @Test
    @SuppressWarnings("unchecked")
    void columnsAreDeclaredAsTheDatabaseHasThem() {
        Map<String, DataType> columns = visitors();
        columns.put("payload", DataType.JSON);
        columns.put("big", DataType.DECIMAL);
        Map<String, Object> tables = (Map<String, Object>) schema(columns).get("tables");
        Map<String, Object> visitors = (Map<String, Object>) tables.get("visitors");
        Map<String, Map<String, Object>> declared = (Map<String, Map<String, Object>>) visitors.get("columns");
        assertEquals("upsert", visitors.get("x-merge-strategy"), "chatload upserts on the key and hashes it into _dlt_id");
        assertEquals(Map.of("name", "payload", "data_type", "json", "nullable", true), declared.get("payload"));
        assertEquals(Map.of("name", "big", "data_type", "decimal", "precision", 38, "scale", 0, "nullable", true), declared.get("big"));
        assertEquals(false, declared.get("_dlt_id").get("nullable"));
        assertEquals(false, declared.get("_dlt_load_id").get("nullable"));
        Map<String, Map<String, Object>> tags = (Map<String, Map<String, Object>>) ((Map<String, Object>) tables.get("visitors__tags")).get("columns");
        assertEquals(Map.of("name", "_dlt_root_id", "data_type", "text", "nullable", false, "root_key", true), tags.get("_dlt_root_id"));
    }

    @Test
    void hintsReadBackFromTheStoredSchema() {
        assertEquals(Map.of("visitors", new StoredSchema.TableHints(WriteDisposition.MERGE, List.of("id"))),
                StoredSchema.hints(schema(visitors())));
    }

    @Test
    void thePipelineStateIsWhatDltDecompresses() throws DataFormatException {
        Map<String, Object> state = PipelineStateRow.state("chaport_data");
        assertEquals(DLT_STATE_HASH, state.get("_version_hash"));
        byte[] compressed = Base64.getDecoder().decode(PipelineStateRow.compress(state));
        Inflater inflater = new Inflater(); // zlib format, as Python's zlib.decompress reads it
        inflater.setInput(compressed);
        byte[] out = new byte[4096];
        int length = inflater.inflate(out);
        inflater.end();
        assertEquals(Json.write(state), new String(out, 0, length, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> schema(Map<String, DataType> visitors) {
        Map<String, DataType> tags = new LinkedHashMap<>();
        tags.put("value", DataType.TEXT);
        tags.put("_dlt_root_id", DataType.TEXT);
        tags.put("_dlt_parent_id", DataType.TEXT);
        tags.put("_dlt_list_idx", DataType.BIGINT);
        tags.put("_dlt_id", DataType.TEXT);
        return StoredSchema.of("chaport_data", 2, List.of("abc="), List.of(new TableSchema("visitors__tags", tags),
                        new TableSchema("visitors", visitors), new TableSchema("_chatload_state", Map.of("resource", DataType.TEXT))),
                Map.of("visitors", new StoredSchema.TableHints(WriteDisposition.MERGE, List.of("id"))));
    }

    private static Map<String, DataType> visitors() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("id", DataType.TEXT);
        columns.put("name", DataType.TEXT);
        columns.put("age", DataType.BIGINT);
        columns.put("age__v_text", DataType.TEXT);
        columns.put("_dlt_load_id", DataType.TEXT);
        columns.put("_dlt_id", DataType.TEXT);
        return columns;
    }
}
