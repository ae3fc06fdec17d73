package io.chatload.crash;

import io.chatload.load.Destination;
import io.chatload.load.TableInfo;
import java.sql.SQLException;
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

    static void assertNone(Destination db, String schema) throws SQLException {
        Set<String> tables = db.tables(schema).stream().map(TableInfo::name).collect(Collectors.toSet());
        for (String child : tables) {
            int split = child.indexOf("__");
            if (split <= 0 || !tables.contains(child.substring(0, split))) {
                continue;
            }
            String root = child.substring(0, split);
            Number orphans = (Number) db.query("SELECT COUNT(*) FROM " + schema + "." + child + " c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + schema + "." + root + " r WHERE r._dlt_id = c._dlt_root_id)", 1).rows().get(0).get(0);
            if (orphans.longValue() != 0) {
                throw new AssertionError(schema + "." + child + ": " + orphans + " rows whose root row in " + root
                        + " does not exist");
            }
        }
    }
}
