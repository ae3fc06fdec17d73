package io.chatload.routes;

import java.util.List;
import java.util.Locale;

/**
 * A root resource whose parent records are the rows of an SQL query on the destination, run once per row, after the
 * resources in {@code after} (in {@code run --once}). Chaport's {@code operator} uses it to fetch the operators chats
 * name but the operators list lacks. The query only reads: it must be one {@code SELECT} (or {@code WITH ... SELECT})
 * statement, and it runs in a read-only transaction that is rolled back ({@code Destination.readOnlyQuery}).
 */
public record ParentQuery(String sql, List<String> after) {

    public ParentQuery {
        String code = withoutTextAndComments(sql).trim();
        code = code.endsWith(";") ? code.substring(0, code.length() - 1).trim() : code;
        String first = code.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        if (!(first.equals("SELECT") || first.equals("WITH")) || code.contains(";")) {
            // a statement that is not a query may commit by itself (DDL), past the rollback that undoes a query's writes
            throw new IllegalArgumentException("parentQuery must be one SELECT (or WITH ... SELECT) statement: it only "
                    + "reads the destination");
        }
    }

    /** The SQL with quoted text and identifiers blanked and comments left out, so that a ';' in them is no statement end. */
    private static String withoutTextAndComments(String sql) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? sql.length() : end; // a doubled quote inside reads as two quoted parts
                code.append(' ');
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                code.append(' ');
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                code.append(' ');
            } else {
                code.append(c);
            }
        }
        return code.toString();
    }
}
