package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A route file's parentQuery reads the destination and changes nothing, even when the query would write: each
 * database's way to write from inside a query is tried, and the table is as it was. PostgreSQL and MariaDB refuse the
 * write in the read-only transaction; H2 does not, and the rollback undoes it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class ReadOnlyQueryTest extends OnEachDestination {

    private static final TableTarget VISITORS = new TableTarget("chaport_data", "visitors", List.of("id"), WriteDisposition.MERGE);

    @Test
    void aQueryThatWouldDeleteRowsLeavesThemThere() throws Exception {
        LoadBatch batch = destination.batch("1", 10);
        batch.add(VISITORS, json("{\"id\":\"v1\"}"));
        batch.add(VISITORS, json("{\"id\":\"v2\"}"));
        batch.complete();
        String writing = switch (kind) {
            case H2 -> "SELECT id FROM OLD TABLE (DELETE FROM chaport_data.visitors)";
            case POSTGRES -> "WITH gone AS (DELETE FROM chaport_data.visitors RETURNING id) SELECT id FROM gone";
            case MARIADB -> {
                db.query("CREATE FUNCTION chaport_data.purge() RETURNS INT MODIFIES SQL DATA BEGIN "
                        + "DELETE FROM chaport_data.visitors; RETURN 1; END", 0);
                yield "SELECT chaport_data.purge() AS id";
            }
        };
        if (kind == Kind.H2) {
            // H2 takes read-only as a hint: the query deletes, and the rollback puts the rows back
            assertEquals(2, destination.readOnlyQuery(db.sql(writing), 100).rows().size());
        } else {
            SQLException refused = assertThrows(SQLException.class, () -> destination.readOnlyQuery(db.sql(writing), 100));
            assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("read only transaction")
                    || refused.getMessage().contains("read-only transaction"), refused.getMessage());
        }
        assertEquals(2, db.count("chaport_data.visitors"), "the query changed the table");
        assertEquals(List.of(List.of("v1"), List.of("v2")),
                destination.readOnlyQuery(db.sql("SELECT id FROM chaport_data.visitors ORDER BY id"), 100).rows(),
                "a query that only reads reads");
    }
}
