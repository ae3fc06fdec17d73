package io.chatload.records;

/**
 * The table an endpoint reads, from the part of its URI after {@code chatload:}: {@code <source>.<table>}
 * ({@code chaport.chats}: the source's schema, from its {@code _source.yaml}) or {@code <schema>.<table>}
 * ({@code chaport_data.chats}, as SQL names it).
 *
 * @param name   the URI's own spelling, for messages
 * @param schema the dlt schema name ({@code chaport_data})
 * @param table  the root table's dlt name ({@code chats})
 */
record RecordsTable(String name, String schema, String table) {

    /** Splits {@code <first>.<table>}; the caller turns a source name into its schema. */
    static String[] parts(String remaining) {
        String[] parts = remaining == null ? new String[0] : remaining.split("\\.", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("chatload:" + remaining + " names no table: write chatload:<source>.<table>"
                    + " (chatload:chaport.chats) or chatload:<schema>.<table> (chatload:chaport_data.chats)");
        }
        if (parts[1].startsWith("_dlt_") || parts[1].startsWith("_chatload_") || parts[1].contains("__")) {
            throw new IllegalArgumentException("chatload:" + remaining + " is not a root table: records come from the "
                    + "table a resource loads (its child tables' rows belong to its records)");
        }
        return new String[] {parts[0].trim(), parts[1].trim()};
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
