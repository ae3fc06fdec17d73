package io.chatload.load;

import io.chatload.load.naming.Shake128;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row ids as dlt makes them (dlt/common/normalizers/utils.py, dlt/common/utils.py): 10 bytes as standard base64
 * without padding, 14 characters; random ({@code uniq_id_base64}), or a SHAKE128 digest ({@code digest128}).
 */
final class DltIds {
    private static final int BYTES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private DltIds() {
    }

    /** dlt's {@code generate_dlt_id()}: a root row of an append or replace table. */
    static String random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    /** dlt's {@code get_nested_row_hash}: a child row's id follows from its parent's id, its table and its position. */
    static String nested(String parentId, String table, int listIdx) {
        return digest(parentId + "_" + table + "_" + listIdx);
    }

    /**
     * dlt's {@code get_row_hash(row, subset=primary_key)}, the root id of its {@code upsert} merge strategy: a digest of
     * the key columns and values as compact JSON with sorted keys, so a record and its update share the id.
     */
    static String keyHash(List<String> keyColumns, Map<String, Object> row) {
        String json = KeyJson.write(keyColumns, row);
        if (json == null) {
            Map<String, Object> key = new TreeMap<>();
            for (String column : keyColumns) {
                key.put(column, row.get(column));
            }
            json = Json.write(new LinkedHashMap<>(key));
        }
        return BASE64.encodeToString(Shake128.digest(json.getBytes(StandardCharsets.UTF_8), BYTES));
    }

    /** dlt's {@code digest128(text, 10)}. */
    static String digest(String text) {
        return BASE64.encodeToString(Shake128.digest(text.getBytes(StandardCharsets.UTF_8), BYTES));
    }
}
