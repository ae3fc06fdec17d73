package io.chatload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * chatload's MariaDB DDL for Quartz against Quartz's own tables_mysql_innodb.sql: the same tables, columns and indexes,
 * every key within InnoDB's 3072 bytes in utf8mb4, each table created only if absent and placed in its schema.
 */
class MariaDbTablesTest {

    private static final int KEY_LIMIT_BYTES = 3072;
    private static final int UTF8MB4_BYTES = 4;
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE TABLE (?:IF NOT EXISTS )?([\\w.]+)\\s*\\((.*)\\)([^)]*)");
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)CREATE INDEX (\\w+)\\s+ON\\s+([\\w.]+)\\s*\\(([^)]*)\\)");
    private static final Pattern VARCHAR = Pattern.compile("(?i)VARCHAR\\((\\d+)\\)");

    /** A table as its DDL declares it: column types by name, and its keys (primary and indexes) by name. */
    record Table(Map<String, String> columns, Map<String, List<String>> keys) {
    }

    @Test
    void theTablesColumnsAndIndexesAreQuartzsOwn() throws IOException {
        Map<String, Table> quartz = tables(quartzScript(), "");
        Map<String, Table> ours = tables(QuartzTables.statements(ClusterDatabase.MARIADB, "cq"), "cq.");
        assertEquals(quartz.keySet(), ours.keySet(), "tables");
        for (String name : quartz.keySet()) {
            assertEquals(quartz.get(name).columns().keySet(), ours.get(name).columns().keySet(), "columns of " + name);
            Set<String> quartzIndexes = new TreeSet<>(quartz.get(name).keys().keySet());
            // Quartz's QRTZ_BLOB_TRIGGERS repeats its primary key as an unnamed index: not repeated here
            quartzIndexes.removeIf(index -> index.startsWith("unnamed"));
            assertEquals(quartzIndexes, new TreeSet<>(ours.get(name).keys().keySet()), "indexes of " + name);
            for (String index : quartzIndexes) {
                assertEquals(quartz.get(name).keys().get(index), ours.get(name).keys().get(index), index + " of " + name);
            }
        }
    }

    @Test
    void everyKeyFitsInnoDbsLimitInUtf8mb4() {
        for (Map.Entry<String, Table> table : tables(QuartzTables.statements(ClusterDatabase.MARIADB, "cq"), "cq.").entrySet()) {
            for (Map.Entry<String, List<String>> key : table.getValue().keys().entrySet()) {
                int bytes = 0;
                for (String column : key.getValue()) {
                    bytes += bytes(table.getValue().columns().get(column));
                }
                assertTrue(bytes <= KEY_LIMIT_BYTES, key.getKey() + " of " + table.getKey() + " takes " + bytes + " bytes");
            }
        }
    }

    @Test
    void eachTableIsCreatedIfAbsentInItsSchemaOnInnoDbWithExactUtf8mb4Names() {
        List<String> statements = QuartzTables.statements(ClusterDatabase.MARIADB, "cq");
        assertEquals(11, statements.size(), String.join("\n", statements));
        for (String statement : statements) {
            assertTrue(statement.startsWith("CREATE TABLE IF NOT EXISTS cq.QRTZ_"), statement);
            assertTrue(statement.endsWith("ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"), statement);
            Matcher references = Pattern.compile("REFERENCES (\\S+)").matcher(statement);
            while (references.find()) {
                assertTrue(references.group(1).startsWith("cq.QRTZ_"), statement);
            }
            assertTrue(!statement.contains("cq.IDX_") && !statement.contains("IDX_cq."), statement);
        }
        assertTrue(statements.get(statements.size() - 1).startsWith("CREATE TABLE IF NOT EXISTS cq.QRTZ_LOCKS"),
                "QRTZ_LOCKS last: its presence means the others exist");
    }

    /** Bytes of a key column of this type in utf8mb4. */
    private static int bytes(String type) {
        Matcher varchar = VARCHAR.matcher(type);
        if (varchar.find()) {
            return Integer.parseInt(varchar.group(1)) * UTF8MB4_BYTES;
        }
        return switch (type.toUpperCase(Locale.ROOT).split("[ (]")[0]) {
            case "BIGINT" -> 8;
            case "INTEGER", "INT" -> 4;
            case "SMALLINT" -> 2;
            case "BOOLEAN" -> 1;
            default -> throw new AssertionError("a key column of type " + type);
        };
    }

    /** Quartz's tables_mysql_innodb.sql, cut into statements ('#' comments dropped). */
    private static List<String> quartzScript() throws IOException {
        try (InputStream in = QuartzTables.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^#.*$", "");
            List<String> statements = new ArrayList<>();
            for (String statement : script.split(";")) {
                if (statement.trim().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
                    statements.add(statement.trim());
                }
            }
            return statements;
        }
    }

    /** The CREATE TABLE and CREATE INDEX statements' tables, named without {@code qualifier}. */
    private static Map<String, Table> tables(List<String> statements, String qualifier) {
        Map<String, Table> tables = new TreeMap<>();
        for (String statement : statements) {
            Matcher index = CREATE_INDEX.matcher(statement);
            if (index.matches()) {
                tables.get(index.group(2).substring(qualifier.length())).keys().put(index.group(1), names(index.group(3)));
                continue;
            }
            Matcher create = CREATE_TABLE.matcher(statement);
            assertTrue(create.matches(), statement);
            Map<String, String> columns = new LinkedHashMap<>();
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (String item : items(create.group(2))) {
                String[] words = item.split("\\s+", 2);
                String first = words[0].toUpperCase(Locale.ROOT);
                if (first.equals("PRIMARY")) {
                    keys.put("PRIMARY", names(inParentheses(item)));
                } else if (first.equals("INDEX") || first.equals("KEY")) {
                    String name = words[1].startsWith("(") ? "unnamed" + keys.size() : words[1].split("[\\s(]")[0];
                    keys.put(name, names(inParentheses(item)));
                } else if (!first.equals("FOREIGN")) {
                    columns.put(words[0], words[1]);
                }
            }
            tables.put(create.group(1).substring(qualifier.length()), new Table(columns, keys));
        }
        return tables;
    }

    /** The items of a CREATE TABLE's body, split at commas outside parentheses. */
    private static List<String> items(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                items.add(body.substring(start, i).trim());
                start = i + 1;
            }
        }
        items.add(body.substring(start).trim());
        return items;
    }

    private static String inParentheses(String item) {
        return item.substring(item.indexOf('(') + 1, item.indexOf(')'));
    }

    private static List<String> names(String list) {
        return List.of(list.trim().split("\\s*,\\s*"));
    }
}
