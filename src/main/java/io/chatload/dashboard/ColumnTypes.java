package io.chatload.dashboard;

import java.util.Locale;

/** Column types as dlt users read them: text, bigint, double, bool, timestamptz... */
public final class ColumnTypes {

    private ColumnTypes() {
    }

    public static String shortType(String sqlType) {
        String type = sqlType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "character varying", "varchar", "character large object", "clob" -> "text";
            case "timestamp with time zone" -> "timestamptz";
            case "double precision" -> "double";
            case "boolean" -> "bool";
            default -> type;
        };
    }
}
