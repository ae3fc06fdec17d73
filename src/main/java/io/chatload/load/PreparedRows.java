package io.chatload.load;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows fitted to a table whose columns all exist (none, and the table maybe absent, when the contract left all
 * out), the {@code _dlt_id}s of the rows the contract left out, and what it left out.
 */
record PreparedRows(TableSchema table, List<Map<String, Object>> rows, Set<String> droppedIds,
                           ColumnResolver.Discards discards) {
    PreparedRows(TableSchema table, ColumnResolver.Resolution resolution) {
        this(table, resolution.rows(), resolution.droppedIds(), resolution.discards());
    }

    /** The same rows, written into {@code other} (a staging copy). */
    PreparedRows into(TableSchema other) {
        return new PreparedRows(other, rows, droppedIds, discards);
    }
}
