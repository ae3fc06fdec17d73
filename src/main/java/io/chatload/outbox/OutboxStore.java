package io.chatload.outbox;

import io.chatload.load.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The outbox table's transactions. Each method commits on its own, and makes the commit durable, before it returns,
 * so that what it recorded (above all a claim, made before the HTTP call) is in the database whatever happens next.
 */
final class OutboxStore {
    private final OutboxKind kind;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final OutboxTable table;
    private final Clock clock;

    /** SQLStates of "it exists already" (unique violation in the catalog, duplicate table, duplicate object). */
    private static final java.util.Set<String> CREATED_MEANWHILE = java.util.Set.of("23505", "42P07", "42710");

    OutboxStore(OutboxKind kind, DataSource dataSource, Dialect dialect, Clock clock) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = new OutboxTable(kind, dialect);
        this.clock = clock;
    }

    String tableName() {
        return table.describe();
    }

    void create() throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            for (String ddl : table.create()) {
                try {
                    statement.execute(ddl);
                } catch (SQLException e) {
                    // several nodes starting at once: PostgreSQL's IF NOT EXISTS can still lose the race to create
                    if (!CREATED_MEANWHILE.contains(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            // fails now, with a clear message, rather than at the first claim
            DurableCommits.flush(connection, dialect);
        }
    }

    /** Up to {@code limit} ids of due pending rows after {@code afterId}, in id order. */
    List<Long> due(long afterId, int limit) throws SQLException {
        try (Connection connection = open(); PreparedStatement select = connection.prepareStatement(table.due())) {
            select.setMaxRows(limit);
            select.setString(1, OutboxStatus.PENDING.sql());
            select.setLong(2, afterId);
            if (kind.dueColumn() != null) {
                select.setObject(3, now());
            }
            return ids(select);
        }
    }

    List<Long> withStatus(OutboxStatus status) throws SQLException {
        try (Connection connection = open(); PreparedStatement select = connection.prepareStatement(table.withStatus())) {
            select.setString(1, status.sql());
            return ids(select);
        }
    }

    /**
     * Takes a pending row: {@code sending}, one more attempt, and the kind's claim defaults filled in, committed
     * together. Empty when the row is no longer pending (another sender took it, or a person changed it).
     */
    Optional<OutboxRow> claim(long id) throws SQLException {
        return inTransaction(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(table.claim())) {
                claim.setString(1, OutboxStatus.SENDING.sql());
                claim.setLong(2, id);
                claim.setString(3, OutboxStatus.PENDING.sql());
                if (claim.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(withClaimDefaults(connection, read(connection, id)));
        });
    }

    /**
     * Inserts a row; when {@code claimed}, as already taken ({@code sending}, attempt 1), so that no drain can take
     * it while its inserter sends it.
     */
    OutboxRow insert(Map<String, Object> values, boolean claimed) throws SQLException {
        List<String> columns = new ArrayList<>(values.keySet());
        return inTransaction(connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement(table.insert(columns),
                    Statement.RETURN_GENERATED_KEYS)) {
                int i = 1;
                for (String column : columns) {
                    insert.setObject(i++, values.get(column));
                }
                insert.setString(i++, (claimed ? OutboxStatus.SENDING : OutboxStatus.PENDING).sql());
                insert.setInt(i, claimed ? 1 : 0);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            OutboxRow row = read(connection, id);
            return claimed ? withClaimDefaults(connection, row) : row;
        });
    }

    /** Records an outcome; false when the row had left {@code sending} meanwhile (then nothing changes). */
    boolean finish(long id, Outcome outcome) throws SQLException {
        return inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(table.finish())) {
                int i = 1;
                update.setString(i++, outcome.status().sql());
                update.setString(i++, outcome.lastError());
                update.setObject(i++, outcome.status() == OutboxStatus.SENT ? now() : null);
                if (kind.responseIdColumn() != null) {
                    update.setString(i++, outcome.responseId());
                }
                update.setLong(i++, id);
                update.setString(i, OutboxStatus.SENDING.sql());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Moves a row left in {@code sending} by an earlier process; false when it is no longer there. */
    boolean recover(long id, OutboxStatus status, String lastError) throws SQLException {
        return inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(table.recover())) {
                update.setString(1, status.sql());
                update.setString(2, lastError);
                update.setLong(3, id);
                update.setString(4, OutboxStatus.SENDING.sql());
                return update.executeUpdate() == 1;
            }
        });
    }

    OutboxRow read(long id) throws SQLException {
        try (Connection connection = open()) {
            return read(connection, id);
        }
    }

    private OutboxRow withClaimDefaults(Connection connection, OutboxRow row) throws SQLException {
        Map<String, Object> defaults = kind.claimDefaults(row);
        if (defaults.isEmpty()) {
            return row;
        }
        List<String> columns = new ArrayList<>(defaults.keySet());
        try (PreparedStatement fill = connection.prepareStatement(table.fill(columns))) {
            int i = 1;
            for (String column : columns) {
                fill.setObject(i++, defaults.get(column));
            }
            fill.setLong(i, row.id());
            fill.executeUpdate();
        }
        Map<String, Object> values = new LinkedHashMap<>(row.values());
        values.putAll(defaults);
        return new OutboxRow(row.id(), values);
    }

    private OutboxRow read(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(table.select())) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException(tableName() + " has no row with id " + id);
                }
                ResultSetMetaData meta = rows.getMetaData();
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    values.put(table.columnName(meta.getColumnLabel(c)), rows.getObject(c));
                }
                return new OutboxRow(id, values);
            }
        }
    }

    private static List<Long> ids(PreparedStatement select) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private Connection open() throws SQLException {
        return dialect.open(dataSource);
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                DurableCommits.flush(connection, dialect);
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
