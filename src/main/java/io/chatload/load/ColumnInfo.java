package io.chatload.load;

/** A column name (lower case) and its SQL type as the database reports it. */
public record ColumnInfo(String name, String sqlType) {
}
