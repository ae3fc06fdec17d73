package io.chatload.records;

import io.chatload.load.DataType;
import io.chatload.load.Dialect;
import io.chatload.load.LoadStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Where each consumer is, in {@code <schema>._chatload_consumers}: a row per (consumer, load) it has emitted, and a
 * row with load id "" once the consumer exists. A set of loads rather than one position, because loads finish in
 * another order than they start (a long load of visitors and a short one of operators overlap), and their ids are
 * their start times: a high-water mark would skip a load that finishes after a newer one was emitted.
 *
 * <p>The loads come from chatload's history, {@code _chatload_loads}: COMPLETED and FAILED ones both, since a
 * failed load keeps the batches it committed (with the cursors that cover them, so nothing fetches them again).
 */
final class ConsumerPositions {
    static final String TABLE = "_chatload_consumers";
    private static final String LOADS = "_chatload_loads";
    private static final String REGISTERED = "";
    /** The status a load RUNNING for longer than the consumer's {@code runningTimeout} is emitted with. */
    static final String ABANDONED = "ABANDONED";
    private static final List<String> KEY = List.of("consumer_id", "load_id");
    private static final List<String> COLUMNS = List.of("consumer_id", "load_id", "load_status", "emitted_at");
    /** SQLStates of "it exists already": several nodes or consumers creating the table at once. */
    private static final Set<String> CREATED_MEANWHILE = Set.of("23505", "42P07", "42710", "42S01");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String schema;
    private final Clock clock;

    ConsumerPositions(DataSource dataSource, Dialect dialect, String schema, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schema = schema;
        this.clock = clock;
    }

    /** A finished load of the schema: its id and how it ended (COMPLETED, FAILED, or ABANDONED). */
    record FinishedLoad(String loadId, String status) {
    }

    /**
     * Creates the table (and schema) if absent and registers the consumer if new: {@code startedAt} null emits every
     * load, else the loads that finished before it count as emitted (SKIPPED), so only those that end later come out.
     */
    void register(String consumerId, OffsetDateTime startedAt) throws SQLException {
        try (Connection connection = Tables.open(dataSource, dialect)) {
            create(connection);
            if (isRegistered(connection, consumerId)) {
                return;
            }
            List<String> skipped = startedAt == null ? List.of() : finishedBefore(connection, startedAt);
            connection.setAutoCommit(false);
            try {
                for (String loadId : skipped) {
                    mark(connection, consumerId, loadId, "SKIPPED");
                }
                mark(connection, consumerId, REGISTERED, "REGISTERED");
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * The finished loads the consumer has not emitted, in the order they finished; with a {@code runningTimeout}, also
     * the loads RUNNING for longer than it (see {@link #ABANDONED}).
     */
    List<FinishedLoad> pending(String consumerId, Duration runningTimeout) throws SQLException {
        OffsetDateTime abandonedBefore = runningTimeout.isZero() ? null
                : OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(runningTimeout);
        try (Connection connection = Tables.open(dataSource, dialect)) {
            return pending(connection, consumerId, abandonedBefore);
        }
    }

    /** Records that every record of the load has been processed. */
    void emitted(String consumerId, FinishedLoad load) throws SQLException {
        try (Connection connection = Tables.open(dataSource, dialect)) {
            mark(connection, consumerId, load.loadId(), load.status());
        }
    }

    /**
     * The loads not emitted yet, as they finished: ended ones, and with {@code abandonedBefore} those RUNNING since
     * before it (ABANDONED: a killed process never ends its load). An ABANDONED load that has ended since is due again,
     * for the rows it committed after it was emitted.
     */
    private List<FinishedLoad> pending(Connection connection, String consumerId, OffsetDateTime abandonedBefore)
            throws SQLException {
        if (!Tables.exists(connection, dialect, schema, LOADS)) {
            return List.of();
        }
        String status = "l." + q("status");
        String running = status + " = '" + LoadStatus.RUNNING.name() + "'";
        String sql = "SELECT l." + q("load_id") + ", " + status + " FROM " + dialect.table(schema, LOADS) + " l WHERE (NOT "
                + running + (abandonedBefore == null ? "" : " OR l." + q("started_at") + " < ?") + ") AND NOT EXISTS ("
                + "SELECT 1 FROM " + dialect.table(schema, TABLE) + " c WHERE c." + q("consumer_id") + " = ? AND c."
                + q("load_id") + " = l." + q("load_id") + " AND (" + running + " OR c." + q("load_status") + " <> '"
                + ABANDONED + "')) ORDER BY COALESCE(l." + q("finished_at") + ", l." + q("started_at") + "), l." + q("load_id");
        List<FinishedLoad> pending = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (abandonedBefore != null) {
                dialect.bind(statement, i++, abandonedBefore, DataType.TIMESTAMP);
            }
            statement.setString(i, consumerId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    boolean stillRunning = LoadStatus.RUNNING.name().equals(rows.getString(2));
                    pending.add(new FinishedLoad(rows.getString(1), stillRunning ? ABANDONED : rows.getString(2)));
                }
            }
        }
        return pending;
    }

    private List<String> finishedBefore(Connection connection, OffsetDateTime instant) throws SQLException {
        if (!Tables.exists(connection, dialect, schema, LOADS)) {
            return List.of();
        }
        String sql = "SELECT " + q("load_id") + " FROM " + dialect.table(schema, LOADS) + " WHERE " + q("status")
                + " <> '" + LoadStatus.RUNNING.name() + "' AND " + q("finished_at") + " < ?";
        List<String> loads = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            dialect.bind(statement, 1, instant, DataType.TIMESTAMP);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    loads.add(rows.getString(1));
                }
            }
        }
        return loads;
    }

    private boolean isRegistered(Connection connection, String consumerId) throws SQLException {
        String sql = "SELECT 1 FROM " + dialect.table(schema, TABLE) + " WHERE " + q("consumer_id") + " = ? AND "
                + q("load_id") + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumerId);
            statement.setString(2, REGISTERED);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void mark(Connection connection, String consumerId, String loadId, String status) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.upsert(schema, TABLE, COLUMNS, KEY))) {
            statement.setString(1, consumerId);
            statement.setString(2, loadId);
            statement.setString(3, status);
            dialect.bind(statement, 4, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), DataType.TIMESTAMP);
            statement.executeUpdate();
        }
    }

    private void create(Connection connection) throws SQLException {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("consumer_id", DataType.TEXT);
        columns.put("load_id", DataType.TEXT);
        columns.put("load_status", DataType.TEXT);
        columns.put("emitted_at", DataType.TIMESTAMP);
        List<String> ddl = new ArrayList<>();
        ddl.add(dialect.createSchema(schema));
        ddl.addAll(dialect.createTable(schema, TABLE, columns, KEY, Map.of()));
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    if (!CREATED_MEANWHILE.contains(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    private String q(String column) {
        return dialect.quote(column);
    }
}
