package io.chatload.dashboard;

import io.chatload.load.ColumnInfo;
import io.chatload.load.Destination;
import io.chatload.load.QueryResult;
import io.chatload.load.TableInfo;
import io.chatload.text.PrintableText;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Each table of the loaded schemas: its columns and types, its row count, and its first few rows. */
final class TableSnapshots {

    /** Rows shown per table, and the longest text shown of one value: a sample, not a browser for the data. */
    static final int SAMPLE_ROWS = 5;
    static final int MAX_VALUE_CHARS = 200;

    record Column(String name, String type) {
    }

    record Table(String schema, String name, long rows, boolean system, List<Column> columns,
                 List<String> sampleColumns, List<List<Object>> sample) {
    }

    private TableSnapshots() {
    }

    static List<Table> read(Destination destination, Iterable<String> schemas) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (String schema : schemas) {
            for (TableInfo info : destination.tables(schema)) {
                List<Column> columns = info.columns().stream()
                        .map((ColumnInfo c) -> new Column(c.name(), ColumnTypes.shortType(c.sqlType()))).toList();
                // the name comes from the database's catalog, and the dialect quotes it: no text from a request here
                QueryResult sample = destination.query("SELECT * FROM " + destination.dialect().table(schema, info.name()),
                        SAMPLE_ROWS);
                tables.add(new Table(schema, info.name(), info.rowCount(), isSystem(info.name()), columns,
                        sample.columns(), sample.rows().stream().map(TableSnapshots::values).toList()));
            }
        }
        return tables;
    }

    /** Numbers and booleans as they are; anything else as text with control characters escaped, cut to a length. */
    private static List<Object> values(List<Object> row) {
        List<Object> values = new ArrayList<>(row.size());
        for (Object value : row) {
            if (value == null || value instanceof Number || value instanceof Boolean) {
                values.add(value);
            } else {
                String text = PrintableText.escape(String.valueOf(value));
                values.add(text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text);
            }
        }
        return values;
    }

    private static boolean isSystem(String table) {
        return table.startsWith("_dlt_") || table.startsWith("_chatload_");
    }
}
