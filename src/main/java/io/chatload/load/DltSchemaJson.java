package io.chatload.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON and hashes as dlt makes them: compact JSON with keys sorted at every level (dlt's {@code json.dumpb(...,
 * sort_keys=True)}, orjson), SHA3-256 and standard base64 (dlt/common/schema/utils.py {@code generate_version_hash},
 * dlt/common/versioned_state.py {@code generate_state_version_hash}).
 */
final class DltSchemaJson {
    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final ObjectMapper IN_ORDER = new ObjectMapper();

    private DltSchemaJson() {
    }

    /** The schema's {@code version_hash}: its content without version and hashes, then table and column names in order. */
    @SuppressWarnings("unchecked")
    static String versionHash(Map<String, Object> storedSchema) {
        Map<String, Object> content = new LinkedHashMap<>(storedSchema);
        content.remove("version");
        content.remove("version_hash");
        content.remove("imported_version_hash");
        content.remove("previous_hashes");
        MessageDigest sha = sha3(sorted(content));
        // dlt adds the column order, which the sorted JSON loses
        Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) content.getOrDefault("tables", Map.of());
        tables.keySet().stream().sorted().forEach(name -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            Map<String, Object> columns = (Map<String, Object>) tables.get(name).getOrDefault("columns", Map.of());
            columns.keySet().forEach(column -> sha.update(column.getBytes(StandardCharsets.UTF_8)));
        });
        return Base64.getEncoder().encodeToString(sha.digest());
    }

    /** A pipeline state's {@code _version_hash}: its content without version, engine version, hash and local part. */
    static String stateHash(Map<String, Object> state) {
        Map<String, Object> content = new LinkedHashMap<>(state);
        content.remove("_state_version");
        content.remove("_state_engine_version");
        content.remove("_version_hash");
        content.remove("_local");
        return Base64.getEncoder().encodeToString(sha3(sorted(content)).digest());
    }

    /** Compact JSON with sorted keys, as dlt hashes it. */
    static byte[] sorted(Object value) {
        try {
            return SORTED.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return IN_ORDER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private static MessageDigest sha3(byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA3-256");
            sha.update(content);
            return sha;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-256 is part of every Java 17 runtime", e);
        }
    }
}
