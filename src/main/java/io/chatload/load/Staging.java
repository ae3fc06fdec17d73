package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a batch writes its REPLACE tables until it completes: copies in {@code <schema>_staging}, so a crash mid-run
 * leaves the live tables untouched. One per batch: it remembers which tables the batch has emptied.
 */
final class Staging {
    private final Database db;
    private final SchemaRegistry registry;
    private final RowWrites rowWrites;
    private final NamingConvention naming;
    private final Set<TableRef> cleared = new HashSet<>();

    Staging(Database db, SchemaRegistry registry, RowWrites rowWrites, NamingConvention naming) {
        this.db = db;
        this.registry = registry;
        this.rowWrites = rowWrites;
        this.naming = naming;
    }

    /** A live table and its child tables, with their staging copies; read before the swap's transaction opens. */
    record Family(TableRef root, List<TableSchema> live, List<TableSchema> staged) {
    }

    String schema(String liveSchema) {
        return naming.shortenFragments(liveSchema + "_staging");
    }

    /** The staging copy of {@code live} (a table of {@code root}'s family), with at least its columns. */
    TableSchema table(TableRef root, TableSchema live) throws SQLException {
        clearOnce(root);
        return registry.mirror(schema(root.schema()), live);
    }

    /** The families to swap; DDL and metadata reads happen here, outside the transaction. */
    List<Family> families(Collection<TableRef> roots) throws SQLException {
        List<Family> families = new ArrayList<>();
        for (TableRef root : roots) {
            registry.ensureSchema(root.schema(), true);
            clearOnce(root);
            families.add(new Family(root, registry.family(root.schema(), root.table()),
                    registry.family(schema(root.schema()), root.table())));
        }
        return families;
    }

    /** In the caller's transaction: live tables lose all rows and get the staged ones; staging is emptied. */
    void swap(Connection connection, List<Family> families) throws SQLException {
        for (Family family : families) {
            String liveSchema = family.root().schema();
            String stagingSchema = schema(liveSchema);
            for (TableSchema t : family.live()) {
                rowWrites.deleteAll(connection, liveSchema, t.name());
            }
            for (TableSchema from : family.staged()) {
                for (TableSchema to : family.live()) {
                    if (to.name().equals(from.name())) {
                        rowWrites.copyAll(connection, stagingSchema, from, liveSchema, to);
                    }
                }
                rowWrites.deleteAll(connection, stagingSchema, from.name());
            }
        }
    }

    /** Empties a family's staging tables once per batch: rows a crashed earlier run left there must not go live. */
    private void clearOnce(TableRef root) throws SQLException {
        if (cleared.contains(root)) {
            return;
        }
        String stagingSchema = schema(root.schema());
        registry.useNaming(stagingSchema, registry.naming(root.schema()));
        registry.ensureSchema(stagingSchema, false);
        List<TableSchema> staged = registry.family(stagingSchema, root.table());
        db.inTransaction(connection -> {
            for (TableSchema t : staged) {
                rowWrites.deleteAll(connection, stagingSchema, t.name());
            }
            return null;
        });
        cleared.add(root);
    }
}
