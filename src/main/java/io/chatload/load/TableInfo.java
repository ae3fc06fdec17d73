package io.chatload.load;

import java.util.List;

/** A table of a destination schema as {@link Destination#tables} reports it; names in lower case. */
public record TableInfo(String schema, String name, long rowCount, List<ColumnInfo> columns) {
    public TableInfo {
        columns = List.copyOf(columns);
    }
}
