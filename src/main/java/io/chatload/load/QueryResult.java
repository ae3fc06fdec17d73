package io.chatload.load;

import java.util.List;

/** Rows of a query (updateCount -1), or the update count of a statement (no columns, no rows). */
public record QueryResult(List<String> columns, List<List<Object>> rows, long updateCount) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
