package io.chatload.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the tables an older chatload made to dlt's column layout at a schema's first use, in place and only where
 * that is cheap and safe: dlt's system columns ({@code _dlt_id}, {@code _dlt_load_id}, {@code _dlt_parent_id},
 * {@code _dlt_list_idx}, {@code _dlt_root_id}) become NOT NULL when no row lacks a value, and on PostgreSQL
 * {@code text} columns become dlt's {@code varchar} (binary-coercible, so PostgreSQL changes only the catalog). A
 * table a step cannot change (a PostgreSQL view depends on the column, a NULL in a system column) keeps its column as
 * it is, with a warning naming it; the loader reads both forms as the same type. {@code _dlt_root_id} on child tables
 * of append and replace tables stays, and goes on being filled: dlt propagates the root key wherever a child table
 * has it. Each step looks at the catalog first, so running it again changes nothing.
 */
final class LayoutMigration implements SchemaRegistry.Upgrade {
    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.load");

    private final Database db;

    LayoutMigration(Database db) {
        this.db = db;
    }

    /** A column as information_schema reports it: its type's full text, whether NULL is allowed. */
    private record StoredColumn(String name, String type, String fullType, boolean nullable) {
    }

    @Override
    public boolean apply(String schema, Map<String, TableSchema> tables) throws SQLException {
        Dialect dialect = db.dialect();
        boolean changed = false;
        for (Map.Entry<String, List<StoredColumn>> table : columns(schema).entrySet()) {
            List<StoredColumn> columns = table.getValue();
            Map<String, String> retyped = new LinkedHashMap<>();
            columns.stream().filter(c -> dialect.isOldText(c.type()))
                    .forEach(c -> retyped.put(c.name(), dialect.sqlType(DataType.TEXT)));
            List<StoredColumn> nullable = columns.stream()
                    .filter(c -> c.nullable() && Flattener.SYSTEM_COLUMNS.contains(c.name())).toList();
            Map<String, String> notNull = new LinkedHashMap<>();
            for (StoredColumn column : nullable) {
                if (hasNull(schema, table.getKey(), column.name())) {
                    LOG.warn("table {}.{}: column {} stays nullable, some rows have no value in it", schema, table.getKey(), column.name());
                } else {
                    notNull.put(column.name(), retyped.getOrDefault(column.name(), column.fullType()));
                }
            }
            changed |= run(schema, table.getKey(), dialect.retype(schema, table.getKey(), retyped), "to varchar");
            changed |= run(schema, table.getKey(), dialect.setNotNull(schema, table.getKey(), notNull), "NOT NULL");
        }
        return changed;
    }

    /** The schema's base tables and their columns, by dlt name. */
    private Map<String, List<StoredColumn>> columns(String schema) throws SQLException {
        Dialect dialect = db.dialect();
        Map<String, List<StoredColumn>> tables = new LinkedHashMap<>();
        String sql = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c." + dialect.fullTypeColumn() + ", c.IS_NULLABLE"
                + " FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t"
                + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
        try (Connection connection = db.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, dialect.storedSchema(schema));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(dialect.dltName(rows.getString(1)), t -> new ArrayList<>())
                            .add(new StoredColumn(dialect.dltName(rows.getString(2)), rows.getString(3), rows.getString(4),
                                    "YES".equalsIgnoreCase(rows.getString(5))));
                }
            }
        }
        return tables;
    }

    private boolean hasNull(String schema, String table, String column) throws SQLException {
        Dialect dialect = db.dialect();
        String sql = "SELECT COUNT(*) FROM " + dialect.table(schema, table) + " WHERE " + dialect.quote(column) + " IS NULL";
        try (Connection connection = db.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    /** Runs one step's statements; a table the step cannot change keeps its columns, with a warning. */
    private boolean run(String schema, String table, List<String> statements, String step) throws SQLException {
        if (statements.isEmpty()) {
            return false;
        }
        List<SQLException> failed = new ArrayList<>();
        db.changeSchema(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        failed.add(e);
                    }
                }
            }
            return null;
        });
        if (!failed.isEmpty()) {
            LOG.warn("table {}.{}: its columns stay as they are, changing them {} failed: {}", schema, table, step,
                    failed.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
        }
        return failed.size() < statements.size();
    }
}
