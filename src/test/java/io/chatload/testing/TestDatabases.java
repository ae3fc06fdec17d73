package io.chatload.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests, each new and uniquely named, so parallel and repeated runs (other checkouts included) never
 * meet: H2 in memory or in a folder, a database of its own on the PostgreSQL server, and a schema prefix of its own on
 * the MariaDB server (where a schema is a database, so the tables of {@code chaport_data} go to the database
 * {@code <prefix>chaport_data}; {@link TestDatabase#sql} and {@link TestDatabase#schema} spell such names; for SQL
 * that cannot be rewritten, {@link #mariadbExclusive} lends the real schema names to one test at a time).
 *
 * <p>The rule for the servers: when one cannot be reached, a test asking for it is skipped with a message saying so
 * ({@link Assumptions}); with the environment variable {@code CHATLOAD_REQUIRE_DATABASES=true} (set on CI) it fails
 * instead. Where the servers are, by environment variable (defaults in brackets): {@code CHATLOAD_TEST_PG_HOST}
 * [127.0.0.1], {@code CHATLOAD_TEST_PG_PORT} [5432], {@code CHATLOAD_TEST_PG_USER} [postgres],
 * {@code CHATLOAD_TEST_PG_PASSWORD} [empty]; {@code CHATLOAD_TEST_MARIADB_HOST} [127.0.0.1],
 * {@code CHATLOAD_TEST_MARIADB_PORT} [3306], {@code CHATLOAD_TEST_MARIADB_USER} [root],
 * {@code CHATLOAD_TEST_MARIADB_PASSWORD} [empty].
 *
 * <p>Names start with {@code cltest_<creation time>_}: {@link TestDatabase#close()} drops what a test made, and
 * databases a killed run left behind are dropped by the first run that comes six hours later.
 */
public final class TestDatabases {
    public static final String REQUIRE = "CHATLOAD_REQUIRE_DATABASES";
    private static final String MARK = "cltest_";
    private static final Pattern NAME = Pattern.compile(MARK + "([0-9a-z]+)_.*");
    private static final Duration STALE = Duration.ofHours(6);
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int LOCK_WAIT_SECONDS = 300;
    /** Per server: empty when reachable, else why not; checked once per JVM. */
    private static final Map<Kind, String> UNREACHABLE = new ConcurrentHashMap<>();
    private static final String REACHABLE = "";

    private TestDatabases() {
    }

    public enum Kind {
        H2("H2"),
        POSTGRES("PostgreSQL"),
        MARIADB("MariaDB");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** A JDBC URL with its login, the schema prefix in it (MariaDB), and the means to empty and drop it. */
    public static final class TestDatabase implements AutoCloseable {
        private final Kind kind;
        private final String name;
        private final String url;
        private final String user;
        private final String password;
        private final String schemaPrefix;
        /** For {@link #mariadbExclusive}: the connection holding the server's lock, and the real schemas to drop. */
        private final Connection lock;
        private final List<String> schemas;

        private TestDatabase(Kind kind, String name, String url, String user, String password, String schemaPrefix) {
            this(kind, name, url, user, password, schemaPrefix, null, List.of());
        }

        private TestDatabase(Kind kind, String name, String url, String user, String password, String schemaPrefix,
                             Connection lock, List<String> schemas) {
            this.kind = kind;
            this.name = name;
            this.url = url;
            this.user = user;
            this.password = password;
            this.schemaPrefix = schemaPrefix;
            this.lock = lock;
            this.schemas = schemas;
        }

        public Kind kind() {
            return kind;
        }

        /** The URL for {@code Destination.connect} and {@code CHATLOAD_DB_URL}. */
        public String url() {
            return url;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        /** Put before every schema name in the database: empty except on MariaDB. */
        public String schemaPrefix() {
            return schemaPrefix;
        }

        /** Where a loader schema lives, as unquoted SQL names it: {@code chaport_data} or {@code <prefix>chaport_data}. */
        public String schema(String schema) {
            return schemaPrefix + schema;
        }

        /**
         * The SQL with every loader schema name ({@code <word>_data}, {@code <word>_data_staging}) given its prefix, so
         * one test text serves every database: {@code SELECT * FROM chaport_data.visitors} stays as it is on H2 and
         * PostgreSQL. Names that have the prefix already stay as they are.
         */
        public String sql(String sql) {
            if (schemaPrefix.isEmpty()) {
                return sql;
            }
            Matcher schemas = Pattern.compile("\\b([a-z][a-z0-9_]*_data(?:_staging)?)\\b").matcher(sql);
            return schemas.replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1).startsWith(schemaPrefix) ? m.group(1) : schemaPrefix + m.group(1)));
        }

        /** The settings that point a chatload configuration here ({@code TestPipeline.config} overrides). */
        public Map<String, String> env() {
            return Map.of("CHATLOAD_DB_URL", url, "CHATLOAD_DB_USER", user, "CHATLOAD_DB_PASSWORD", password);
        }

        /** Empties it: every schema (or prefixed database) and table is dropped. Close the destinations on it first. */
        public void reset() throws SQLException {
            switch (kind) {
                case H2 -> {
                    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                        s.execute("DROP ALL OBJECTS");
                    }
                }
                case POSTGRES -> {
                    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                        for (String schema : strings(s, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                                + " AND nspname <> 'information_schema'")) {
                            s.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
                        }
                        s.execute("CREATE SCHEMA public");
                    }
                }
                case MARIADB -> {
                    try (Connection c = server(Kind.MARIADB); Statement s = c.createStatement()) {
                        dropMariaDbDatabases(s, name, schemas);
                        s.execute("CREATE DATABASE `" + name + "`");
                    }
                }
            }
        }

        /** Drops it, with everything in it. */
        @Override
        public void close() throws SQLException {
            switch (kind) {
                case H2 -> {
                    if (url.startsWith("jdbc:h2:mem:")) {
                        try (Connection c = DriverManager.getConnection(url, user, password);
                             Statement s = c.createStatement()) {
                            s.execute("SHUTDOWN");
                        }
                    }
                }
                case POSTGRES -> {
                    try (Connection c = server(Kind.POSTGRES); Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                    }
                }
                case MARIADB -> {
                    try (Connection c = server(Kind.MARIADB); Statement s = c.createStatement()) {
                        dropMariaDbDatabases(s, name, schemas);
                    } finally {
                        if (lock != null) {
                            lock.close(); // releases the server's lock
                        }
                    }
                }
            }
        }

        @Override
        public String toString() {
            return kind + " " + url;
        }
    }

    /** Whether unreachable servers fail tests rather than skip them. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE));
    }

    /** An H2 file database in {@code dir} (a test's temporary folder, which goes with it). */
    public static TestDatabase h2(Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath();
        return new TestDatabase(Kind.H2, "chatload", url, "sa", "", "");
    }

    /** A new in-memory H2 database; it lives until {@link TestDatabase#close()}. */
    public static TestDatabase h2Memory(String name) {
        String unique = uniqueName(name);
        return new TestDatabase(Kind.H2, unique, "jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1", "sa", "", "");
    }

    /** A new database on the PostgreSQL server; skips or fails the test when the server cannot be reached. */
    public static TestDatabase postgres(String name) throws SQLException {
        String unique = uniqueName(name);
        try (Connection c = server(Kind.POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + unique + "\"");
        }
        String url = "jdbc:postgresql://" + address(Kind.POSTGRES) + "/" + unique;
        return new TestDatabase(Kind.POSTGRES, unique, url, setting(Kind.POSTGRES, "USER"), setting(Kind.POSTGRES, "PASSWORD"), "");
    }

    /**
     * A new schema prefix on the MariaDB server, and a database of the same name for unqualified SQL; skips or fails
     * the test when the server cannot be reached.
     */
    public static TestDatabase mariadb(String name) throws SQLException {
        String unique = uniqueName(name);
        try (Connection c = server(Kind.MARIADB); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + unique + "`");
        }
        String prefix = unique + "_";
        String url = "jdbc:mariadb://" + address(Kind.MARIADB) + "/" + unique + "?chatloadSchemaPrefix=" + prefix;
        return new TestDatabase(Kind.MARIADB, unique, url, setting(Kind.MARIADB, "USER"), setting(Kind.MARIADB, "PASSWORD"),
                prefix);
    }

    /**
     * The MariaDB server's real schemas {@code schemas} (each with its {@code _staging}), unprefixed, for SQL a test
     * cannot rewrite, such as a route file's parentQuery. One holder per server at a time: this waits for a named lock
     * held until {@link TestDatabase#close()}, which drops the schemas. A schema that exists already belongs to
     * someone else: the test is skipped rather than touch it.
     */
    public static TestDatabase mariadbExclusive(String name, String... schemas) throws SQLException {
        List<String> owned = new ArrayList<>();
        for (String schema : schemas) {
            owned.add(schema);
            owned.add(schema + "_staging");
        }
        Connection lock = server(Kind.MARIADB);
        try (Statement s = lock.createStatement()) {
            try (ResultSet granted = s.executeQuery("SELECT GET_LOCK('chatload_test_real_schemas', " + LOCK_WAIT_SECONDS + ")")) {
                if (!granted.next() || granted.getInt(1) != 1) {
                    throw new SQLException("another test held MariaDB's real schemas for " + LOCK_WAIT_SECONDS + " s");
                }
            }
            List<String> taken = strings(s, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME IN ('"
                    + String.join("', '", owned) + "')");
            Assumptions.assumeTrue(taken.isEmpty(), () -> "MariaDB at " + address(Kind.MARIADB) + " has " + taken
                    + " already: not touching them, skipped");
            String unique = uniqueName(name);
            s.execute("CREATE DATABASE `" + unique + "`");
            String url = "jdbc:mariadb://" + address(Kind.MARIADB) + "/" + unique;
            return new TestDatabase(Kind.MARIADB, unique, url, setting(Kind.MARIADB, "USER"),
                    setting(Kind.MARIADB, "PASSWORD"), "", lock, List.copyOf(owned));
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A new database of the kind; H2 in memory. */
    public static TestDatabase create(Kind kind, String name) throws SQLException {
        return switch (kind) {
            case H2 -> h2Memory(name);
            case POSTGRES -> postgres(name);
            case MARIADB -> mariadb(name);
        };
    }

    /**
     * An administrative connection to the server (PostgreSQL's {@code postgres} database, MariaDB without one). The
     * first call per JVM checks the server can be reached, skipping or failing the test when not (see the class), and
     * sweeps away test databases of killed runs.
     */
    static Connection server(Kind kind) throws SQLException {
        String why = UNREACHABLE.computeIfAbsent(kind, TestDatabases::probe);
        if (!why.isEmpty()) {
            if (required()) {
                fail(kind + " not reachable at " + address(kind) + " (" + why + ") and " + REQUIRE + "=true: start it,"
                        + " point CHATLOAD_TEST_" + envName(kind) + "_HOST/_PORT/_USER/_PASSWORD at it, or unset " + REQUIRE);
            }
            Assumptions.abort(kind + " not reachable at " + address(kind) + " (" + why + "): skipped (set " + REQUIRE
                    + "=true to fail instead)");
        }
        return connectToServer(kind);
    }

    private static String probe(Kind kind) {
        try (Connection c = connectToServer(kind); Statement s = c.createStatement()) {
            sweep(kind, s);
            return REACHABLE;
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            String password = setting(kind, "PASSWORD");
            if (!password.isEmpty()) {
                message = message.replace(password, "***");
            }
            return message.lines().findFirst().orElse(e.getClass().getSimpleName());
        }
    }

    private static Connection connectToServer(Kind kind) throws SQLException {
        String url = switch (kind) {
            case POSTGRES -> "jdbc:postgresql://" + address(kind) + "/postgres?connectTimeout=" + CONNECT_TIMEOUT_SECONDS;
            case MARIADB -> "jdbc:mariadb://" + address(kind) + "/?connectTimeout=" + CONNECT_TIMEOUT_SECONDS * 1000;
            case H2 -> throw new IllegalArgumentException("H2 has no server");
        };
        return DriverManager.getConnection(url, setting(kind, "USER"), setting(kind, "PASSWORD"));
    }

    /** Drops test databases named more than {@link #STALE} ago: a run never takes that long, so their run is dead. */
    private static void sweep(Kind kind, Statement s) throws SQLException {
        String query = kind == Kind.POSTGRES
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'cltest\\_%'"
                : "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME LIKE 'cltest\\_%'";
        Instant limit = Instant.now().minus(STALE);
        for (String name : strings(s, query)) {
            Matcher m = NAME.matcher(name);
            if (m.matches() && Instant.ofEpochSecond(Long.parseLong(m.group(1), 36)).isBefore(limit)) {
                s.execute(kind == Kind.POSTGRES ? "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    /** The database {@code name}, the prefixed ones ({@code name_...}) and {@code others}. */
    private static void dropMariaDbDatabases(Statement s, String name, List<String> others) throws SQLException {
        for (String other : others) {
            s.execute("DROP DATABASE IF EXISTS `" + other + "`");
        }
        for (String database : strings(s, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + name
                + "' OR SCHEMA_NAME LIKE '" + name.replace("_", "\\_") + "\\_%'")) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    private static List<String> strings(Statement s, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** {@code cltest_<epoch seconds, base 36>_<random>_<name>}: unique, sortable by age, short enough for prefixes. */
    private static String uniqueName(String name) {
        String readable = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        readable = readable.substring(0, Math.min(8, readable.length()));
        String random = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        return MARK + Long.toString(Instant.now().getEpochSecond(), 36) + "_" + random + (readable.isEmpty() ? "" : "_" + readable);
    }

    private static String address(Kind kind) {
        return setting(kind, "HOST") + ":" + setting(kind, "PORT");
    }

    private static String setting(Kind kind, String what) {
        String value = System.getenv("CHATLOAD_TEST_" + envName(kind) + "_" + what);
        if (value != null) {
            return value;
        }
        return switch (what) {
            case "HOST" -> "127.0.0.1";
            case "PORT" -> kind == Kind.POSTGRES ? "5432" : "3306";
            case "USER" -> kind == Kind.POSTGRES ? "postgres" : "root";
            default -> "";
        };
    }

    private static String envName(Kind kind) {
        return kind == Kind.POSTGRES ? "PG" : "MARIADB";
    }
}
