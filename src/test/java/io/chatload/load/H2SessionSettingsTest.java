package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** H2's session settings are made once per session, not once per pooled handle on it. */
class H2SessionSettingsTest {
    @Test
    void aPooledSessionIsConfiguredOnceAndANewOneToo() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:h2-session-settings;DATABASE_TO_LOWER=TRUE", "", "");
        try {
            H2Dialect dialect = new H2Dialect("", true);
            try (Connection first = dialect.open(pool); Statement statement = first.createStatement()) {
                assertEquals(60_000, lockTimeout(first));
                statement.execute("SET LOCK_TIMEOUT 1234"); // as if the session had kept it from its first use
            }
            try (Connection again = dialect.open(pool)) {
                assertEquals(1234, lockTimeout(again), "the same session, handed out again, is not set up again");
                try (Connection other = dialect.open(pool); Statement statement = other.createStatement()) {
                    assertEquals(60_000, lockTimeout(other), "a second session is set up");
                    statement.execute("CREATE TABLE t (value INT)");
                    statement.executeQuery("SELECT value FROM t").close(); // VALUE is no keyword on it either
                }
            }
        } finally {
            pool.dispose();
        }
    }

    private static int lockTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("CALL LOCK_TIMEOUT()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
