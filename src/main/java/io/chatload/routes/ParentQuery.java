package io.chatload.routes;

import java.util.List;

/**
 * A root resource whose parent records are the rows of an SQL query on the destination, run once per row, after the
 * resources in {@code after} (in {@code run --once}). Chaport's {@code operator} uses it to fetch the operators chats
 * name but the operators list lacks.
 */
public record ParentQuery(String sql, List<String> after) {
}
