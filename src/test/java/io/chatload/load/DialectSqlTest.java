package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL each dialect writes; the databases run it in the parameterised loader tests. Types are dlt's PostgreSQL type
 * mapper's (dlt/destinations/impl/postgres/factory.py {@code PostgresTypeMapper}), and the closest on H2 and MariaDB.
 */
class DialectSqlTest {
    private final H2Dialect h2 = new H2Dialect();
    private final PostgresDialect postgres = new PostgresDialect();
    private final MariaDbDialect mariadb = new MariaDbDialect("", "utf8mb4_nopad_bin");

    private static Map<String, DataType> columns() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("id", DataType.TEXT);
        columns.put("n", DataType.BIGINT);
        columns.put("_dlt_root_id", DataType.TEXT);
        return columns;
    }

    /** Columns a batch adds to an existing table: one statement for all of them, whatever the database. */
    private static Map<String, DataType> newColumns() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("c", DataType.TIMESTAMP);
        columns.put("d", DataType.BIGINT);
        return columns;
    }

    @Test
    void h2AddsAllNewColumnsOfATableInOneStatement() {
        assertEquals("ALTER TABLE \"S\".\"T\" ADD COLUMN (\"C\" TIMESTAMP WITH TIME ZONE, \"D\" BIGINT)",
                h2.addColumns("s", "t", newColumns()));
    }

    @Test
    void typesPerDatabase() {
        for (DataType type : DataType.values()) {
            String row = type + ": " + h2.sqlType(type) + " | " + postgres.sqlType(type) + " | " + mariadb.sqlType(type);
            assertEquals(switch (type) {
                case TEXT -> "TEXT: CHARACTER VARYING | VARCHAR | LONGTEXT";
                case BIGINT -> "BIGINT: BIGINT | BIGINT | BIGINT";
                case DOUBLE -> "DOUBLE: DOUBLE PRECISION | DOUBLE PRECISION | DOUBLE";
                case BOOL -> "BOOL: BOOLEAN | BOOLEAN | BOOLEAN";
                case TIMESTAMP -> "TIMESTAMP: TIMESTAMP WITH TIME ZONE | TIMESTAMP WITH TIME ZONE | DATETIME(6)";
                case DECIMAL -> "DECIMAL: NUMERIC(38, 0) | NUMERIC(38, 0) | DECIMAL(38, 0)";
                case JSON -> "JSON: JSON | JSONB | JSON";
            }, row);
        }
    }

    @Test
    void theTypeACatalogReportsIsTheTypeTheLoaderMade() {
        Map<DataType, List<String>> reported = Map.of(
                DataType.TEXT, List.of("CHARACTER VARYING", "character varying", "longtext"),
                DataType.BIGINT, List.of("BIGINT", "bigint", "bigint"),
                DataType.DOUBLE, List.of("DOUBLE PRECISION", "double precision", "double"),
                DataType.BOOL, List.of("BOOLEAN", "boolean", "boolean"),
                DataType.TIMESTAMP, List.of("TIMESTAMP WITH TIME ZONE", "timestamp with time zone", "datetime"),
                DataType.DECIMAL, List.of("NUMERIC", "numeric", "decimal"),
                DataType.JSON, List.of("JSON", "jsonb", "json"));
        reported.forEach((type, names) -> {
            assertEquals(type, h2.dataType(names.get(0)), "h2 " + names.get(0));
            assertEquals(type, postgres.dataType(names.get(1)), "postgresql " + names.get(1));
            assertEquals(type, mariadb.dataType(names.get(2)), "mariadb " + names.get(2));
        });
        assertEquals(DataType.TEXT, mariadb.dataType("varchar"), "a text key column");
        assertEquals(DataType.TEXT, postgres.dataType("text"), "what chatload made before dlt's varchar");
    }

    @Test
    void namesAreFoldedAndQuotedTheDatabasesWay() {
        assertEquals("\"CHAPORT_DATA\".\"VISITORS\"", h2.table("chaport_data", "visitors"));
        assertEquals("\"chaport_data\".\"visitors\"", postgres.table("chaport_data", "visitors"));
        assertEquals("`chaport_data`.`visitors`", mariadb.table("chaport_data", "visitors"));
        assertEquals("`t1_chaport_data`.`visitors`", new MariaDbDialect("t1_", "utf8mb4_bin").table("chaport_data", "visitors"));
        assertEquals("`a``b`", mariadb.quoteExact("a`b"));
        assertEquals("mixed_Case", postgres.dltName("mixed_Case"));
        assertEquals("id", h2.dltName("ID"));
    }

    @Test
    void postgresqlUpsertsOnConflict() {
        assertEquals("INSERT INTO \"s\".\"t\" (\"id\", \"n\") VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"n\" = EXCLUDED.\"n\"",
                postgres.upsert("s", "t", List.of("id", "n"), List.of("id")));
        assertEquals("INSERT INTO \"s\".\"t\" (\"id\") VALUES (?) ON CONFLICT (\"id\") DO NOTHING",
                postgres.upsert("s", "t", List.of("id"), List.of("id")));
    }

    @Test
    void mariadbUpsertsOnDuplicateKey() {
        assertEquals("INSERT INTO `s`.`t` (`id`, `n`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `n` = VALUES(`n`)",
                mariadb.upsert("s", "t", List.of("id", "n"), List.of("id")));
        assertEquals("INSERT INTO `s`.`t` (`id`) VALUES (?) ON DUPLICATE KEY UPDATE `id` = `id`",
                mariadb.upsert("s", "t", List.of("id"), List.of("id")));
    }

    @Test
    void postgresqlCreatesTablesAndIndexesIfAbsent() {
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"s\".\"t\" (\"id\" VARCHAR, \"n\" BIGINT, \"_dlt_root_id\" VARCHAR NOT NULL,"
                        + " PRIMARY KEY (\"id\"))",
                "CREATE INDEX IF NOT EXISTS \"t__root_ix_\" ON \"s\".\"t\" (\"_dlt_root_id\")"),
                postgres.createTable("s", "t", columns(), List.of("id"), Map.of("t__root_ix_", "_dlt_root_id")));
        assertEquals("ALTER TABLE \"s\".\"t\" ADD COLUMN IF NOT EXISTS \"c\" TIMESTAMP WITH TIME ZONE, ADD COLUMN IF NOT EXISTS \"d\" BIGINT",
                postgres.addColumns("s", "t", newColumns()));
        assertEquals("CREATE SCHEMA IF NOT EXISTS \"s\"", postgres.createSchema("s"));
    }

    @Test
    void mariadbKeysAreIndexableTextAndIndexesComeWithTheTable() {
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS `s`.`t` (`id` VARCHAR(255), `n` BIGINT, `_dlt_root_id` LONGTEXT NOT NULL,"
                        + " PRIMARY KEY (`id`), INDEX `t__root_ix_` (`_dlt_root_id`(64)))"
                        + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin"),
                mariadb.createTable("s", "t", columns(), List.of("id"), Map.of("t__root_ix_", "_dlt_root_id")));
        assertEquals("ALTER TABLE `s`.`t` ADD COLUMN `c` DATETIME(6), ADD COLUMN `d` BIGINT",
                mariadb.addColumns("s", "t", newColumns()));
        assertEquals("CREATE DATABASE IF NOT EXISTS `s` CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
                mariadb.createSchema("s"));
    }
}
