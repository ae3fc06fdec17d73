package io.chatload.load;

import static io.chatload.load.TestDestinations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.testing.TestDatabases.Kind;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An instant stays the same instant whatever offset the record gave it and whatever zone the JVM runs in. MariaDB has
 * no zoned type: its DATETIME(6) columns hold UTC, and its driver would shift values into the JVM's zone if let.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Kind.class)
class TimestampTest {
    private static final TableTarget EVENTS = new TableTarget("chaport_data", "events", List.of("id"), WriteDisposition.MERGE);
    private static final Instant SEEN = Instant.parse("2017-10-03T10:47:31.873Z");

    @Parameter
    Kind kind;

    private TestDestination db;
    private TimeZone jvmZone;

    @BeforeEach
    void connect() throws SQLException {
        jvmZone = TimeZone.getDefault();
        // far from UTC, so a value shifted by the zone is hours off; connections are made in it
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        db = TestDestination.open(kind);
    }

    @AfterEach
    void close() {
        TimeZone.setDefault(jvmZone);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void recordTimestampsKeepTheirInstant() throws SQLException {
        LoadBatch batch = db.destination().batch("1", 10);
        batch.add(EVENTS, json("{\"id\":1,\"at\":\"2017-10-03T13:47:31.873+03:00\"}"));
        batch.add(EVENTS, json("{\"id\":2,\"at\":\"2017-10-03T10:47:31.873Z\"}"));
        batch.add(EVENTS, json("{\"id\":3,\"at\":\"2017-10-03T10:47:31.873\"}"));
        batch.complete();
        List<Map<String, Object>> rows = db.rows("SELECT id, at FROM chaport_data.events ORDER BY id");
        for (Map<String, Object> row : rows) {
            assertEquals(SEEN, ((OffsetDateTime) row.get("at")).toInstant(), "row " + row);
        }
        assertEquals(3, db.count("chaport_data.events WHERE at = (SELECT MIN(at) FROM chaport_data.events)"), "one instant");
        if (kind == Kind.MARIADB) {
            assertEquals(List.of(List.of("2017-10-03 10:47:31.873000")),
                    db.query("SELECT DISTINCT CAST(at AS CHAR) FROM chaport_data.events", 10).rows(), "stored in UTC");
        }
    }

    @Test
    void ledgerAndStateTimesAreNow() throws SQLException {
        Instant before = Instant.now().minusSeconds(1);
        Destination destination = db.destination();
        destination.ledger().started("chaport_data", "1");
        destination.ledger().finished("chaport_data", "1", LoadStatus.COMPLETED, Map.of(), null);
        destination.state().recordOutcome("chaport_data", "visitors", "1", true, null);
        Instant after = Instant.now().plusSeconds(1);

        LoadRecord load = destination.ledger().recent("chaport_data", 1).get(0);
        for (Instant at : List.of(load.startedAt(), load.finishedAt(), destination.state().all("chaport_data").get(0).lastSuccessAt())) {
            assertTrue(!at.isBefore(before) && !at.isAfter(after), at + " is within " + Duration.between(before, after)
                    + " from " + before);
        }
    }
}
