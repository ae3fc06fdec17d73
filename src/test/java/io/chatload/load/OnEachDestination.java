package io.chatload.load;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;

/**
 * The set-up of a test class whose tests run on H2, PostgreSQL and MariaDB (annotate it
 * {@code @ParameterizedClass(name = "{0}") @EnumSource(Kind.class)}): each test gets {@link #db}, an empty database of
 * the class's {@link #kind}, given back after the test.
 */
abstract class OnEachDestination {

    @Parameter
    Kind kind;

    TestDestination db;
    /** {@code db}'s destination, as chatload writes to it. */
    Destination destination;

    @BeforeEach
    final void openDestination() throws SQLException {
        db = TestDestination.open(kind);
        destination = db.destination();
    }

    @AfterEach
    final void closeDestination() {
        if (db != null) {
            db.close();
        }
    }
}
