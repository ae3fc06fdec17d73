package io.chatload.crash;

import io.chatload.load.Destination;
import io.chatload.load.TableInfo;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Child-table rows ({@code visitors__custom__tags}, {@code chats__operators}) whose root row does not exist: what a
 * crash between a root row's and its lists' writes could leave behind. Truth checks each expected row's lists, so
 * only such strays would escape it.
 */
final class OrphanRows {

    private OrphanRows() {
    }

    /**
     * Each child row's parent row ({@code _dlt_parent_id}, in the longest table its name extends) must exist: by the
     * chain, so must its root row. {@code _dlt_root_id} is dlt's only on merge tables.
     */
    static void assertNone(Destination db, String schema) throws SQLException {
        Set<String> tables = db.tables(schema).stream().map(TableInfo::name).collect(Collectors.toSet());
        for (String child : tables) {
            String parent = tables.stream().filter(t -> child.startsWith(t + "__"))
                    .max(Comparator.comparingInt(String::length)).orElse(null);
            if (parent == null) {
                continue;
            }
            Number orphans = (Number) db.query("SELECT COUNT(*) FROM " + schema + "." + child + " c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + schema + "." + parent + " p WHERE p._dlt_id = c._dlt_parent_id)", 1).rows().get(0).get(0);
            if (orphans.longValue() != 0) {
                throw new AssertionError(schema + "." + child + ": " + orphans + " rows whose parent row in " + parent
                        + " does not exist");
            }
        }
    }
}
