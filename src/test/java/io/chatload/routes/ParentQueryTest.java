package io.chatload.routes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A parentQuery only reads: one query, refused otherwise when the file is read. */
class ParentQueryTest {

    private static final String REFUSED = "parentQuery must be one SELECT (or WITH ... SELECT) statement: it only reads "
            + "the destination";

    @Test
    void aQueryIsTaken() {
        for (String sql : List.of("SELECT id FROM chaport_data.operators",
                "  -- the operators chats name\n  select distinct c.value as id from chaport_data.chats__operators c;",
                "WITH o AS (SELECT id FROM chaport_data.operators) SELECT id FROM o",
                "SELECT id FROM chaport_data.visitors WHERE name <> 'a;b' AND \"x;\" = 'it''s' /* ; */")) {
            assertDoesNotThrow(() -> new ParentQuery(sql, List.of()), sql);
        }
    }

    @Test
    void anythingElseIsRefused() {
        for (String sql : List.of("DELETE FROM chaport_data.visitors", "drop table chaport_data.visitors",
                "SELECT 1 AS id; DROP TABLE chaport_data.visitors", "/* SELECT */ TRUNCATE chaport_data.visitors",
                "SELECT 1 AS id -- \n; UPDATE chaport_data.visitors SET name = 'x'", "CALL purge()")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParentQuery(sql, List.of()), sql);
            assertEquals(REFUSED, e.getMessage());
        }
    }
}
