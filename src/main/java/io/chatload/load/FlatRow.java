package io.chatload.load;

import java.util.Map;

/** One row for one table: column name → JSON scalar (or JSON text), nulls left out. */
record FlatRow(String table, Map<String, Object> values) {
}
