package io.chatload.load;

import io.chatload.config.ConfigException;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination URL as chatload reads it: which database, the URL handed to the driver, and the schema prefix.
 * chatload's own parameter {@code chatloadSchemaPrefix=<prefix>} (lower-case letters, digits, _) is taken out of the
 * URL; the driver gets chatload's defaults for any option the URL does not set. An H2 URL that would run code as the
 * database opens is refused unless {@code chatload.db.allow-code} allows it: the URL is configuration, but a URL
 * copied from elsewhere should not be able to run a script.
 */
record DatabaseUrl(Kind kind, String driverUrl, String schemaPrefix) {
    static final String PREFIX_PARAMETER = "chatloadSchemaPrefix";
    private static final Pattern PREFIX = Pattern.compile("(?i)([;?&])" + PREFIX_PARAMETER + "=([^;&]*)");
    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9_]{0,32}");
    private static final Pattern SECRET = Pattern.compile("(?i)(password|pwd)=[^;&]*");
    /** H2 URL settings that run code or load classes as the database opens (see {@link #refuseCode}). */
    private static final Set<String> H2_CODE_SETTINGS = Set.of("INIT", "DATABASE_EVENT_LISTENER",
            "JAVA_OBJECT_SERIALIZER", "URL_MAP");

    enum Kind {
        H2("H2 (jdbc:h2:...)"),
        POSTGRESQL("PostgreSQL (jdbc:postgresql://host[:port]/database)"),
        MARIADB("MariaDB/MySQL (jdbc:mariadb://host[:port]/database or jdbc:mysql://...)");

        private final String supported;

        Kind(String supported) {
            this.supported = supported;
        }
    }

    /** {@link #parse(String, String, boolean)} refusing a URL that runs code. */
    static DatabaseUrl parse(String url, String password) throws SQLException {
        return parse(url, password, false);
    }

    /**
     * @param password  only to keep it out of error messages
     * @param allowCode whether an H2 URL may run code as the database opens ({@code chatload.db.allow-code})
     * @throws ConfigException when it would and {@code allowCode} is false: one line naming the setting, not the URL
     */
    static DatabaseUrl parse(String url, String password, boolean allowCode) throws SQLException {
        Kind kind = kind(url, password);
        if (kind == Kind.H2 && !allowCode) {
            refuseCode(url);
        }
        Matcher prefix = PREFIX.matcher(url);
        String schemaPrefix = "";
        String rest = url;
        if (prefix.find()) {
            schemaPrefix = prefix.group(2);
            rest = url.substring(0, prefix.start()) + (prefix.group(1).equals("?") ? "?" : "") + url.substring(prefix.end());
            rest = rest.replace("?&", "?").replaceAll("[?]$", "");
        }
        if (!VALID_PREFIX.matcher(schemaPrefix).matches()) {
            throw new SQLException(PREFIX_PARAMETER + " must be at most 32 lower-case letters, digits or '_', got '"
                    + schemaPrefix + "'");
        }
        String driverUrl = switch (kind) {
            case H2 -> lowerCaseIdentifiers(rest.startsWith("jdbc:h2:mem:") ? rest : h2FileDefaults(rest));
            // multi-row INSERTs for batches: several times faster, same results
            case POSTGRESQL -> withDefault(rest, "reWriteBatchedInserts", "true");
            case MARIADB -> {
                String mariadb = withDefault(rest, "rewriteBatchedStatements", "true");
                // JDBC metadata names a database TABLE_SCHEM, as PostgreSQL and H2 name their schemas
                mariadb = withDefault(mariadb, "useCatalogTerm", "SCHEMA");
                yield rest.startsWith("jdbc:mysql:") ? withDefault(mariadb, "permitMysqlScheme", "true") : mariadb;
            }
        };
        return new DatabaseUrl(kind, driverUrl, schemaPrefix);
    }

    /**
     * H2 runs each {@code ;NAME=value} of the URL as {@code SET NAME value} when the database opens: INIT runs SQL
     * (CREATE ALIAS compiles Java, RUNSCRIPT fetches a script from any URL), DATABASE_EVENT_LISTENER and
     * JAVA_OBJECT_SERIALIZER load and instantiate a class, URL_MAP swaps in another URL read from a file, and a
     * backslash escapes a ';' so that any setting's value carries more SQL.
     */
    private static void refuseCode(String url) {
        int settings = url.indexOf(';');
        if (settings < 0) {
            return;
        }
        String part = url.substring(settings + 1);
        if (part.indexOf('\\') >= 0) {
            throw runsCode("a '\\' (it escapes a ';', so that a setting's value can carry more SQL)");
        }
        for (String setting : part.split(";")) {
            int equals = setting.indexOf('=');
            String name = (equals < 0 ? setting : setting.substring(0, equals)).trim().toUpperCase(java.util.Locale.ROOT);
            if (H2_CODE_SETTINGS.contains(name)) {
                throw runsCode(name + "=");
            }
        }
    }

    private static ConfigException runsCode(String what) {
        return new ConfigException("chatload.db.url: the H2 URL holds " + what + ", which runs code when the database "
                + "opens; refused unless chatload.db.allow-code=true (CHATLOAD_DB_ALLOW_CODE)");
    }

    /**
     * An embedded file database writes commits lazily: a killed process would lose the last ones. And H2's own shutdown
     * hook would close it under a load that SIGTERM is still stopping: chatload closes it itself (H2 refuses that with
     * AUTO_SERVER, whose database then closes at exit, rolling back the open batch).
     */
    private static String h2FileDefaults(String url) {
        String durable = h2Setting(url, "WRITE_DELAY", "0");
        return url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE") ? durable
                : h2Setting(durable, "DB_CLOSE_ON_EXIT", "FALSE");
    }

    /**
     * Unquoted identifiers fold to lower case, as on PostgreSQL: dlt's quoted {@code "chaport_data"."visitors"} and the
     * plain {@code chaport_data.visitors} then name the same table. H2 reads this only when the database opens and does
     * not store it in the file, so every URL that opens the file needs it (see docs/h2.md). A URL that chooses the case
     * itself keeps its choice; {@link H2Dialect#forConnection} follows what the database does.
     */
    private static String lowerCaseIdentifiers(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        return upper.contains("DATABASE_TO_LOWER") || upper.contains("DATABASE_TO_UPPER") ? url
                : url + ";DATABASE_TO_LOWER=TRUE";
    }

    /** Adds {@code ;KEY=value} to an H2 URL that does not set the key. */
    private static String h2Setting(String url, String key, String value) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(key) ? url : url + ";" + key + "=" + value;
    }

    /** The URL as it may be shown: without password parameters or the given password. */
    static String redact(String text, String password) {
        String clean = SECRET.matcher(text).replaceAll("$1=***");
        return password == null || password.isEmpty() ? clean : clean.replace(password, "***");
    }

    private static Kind kind(String url, String password) throws SQLException {
        if (url != null) {
            if (url.startsWith("jdbc:h2:")) {
                return Kind.H2;
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return Kind.POSTGRESQL;
            }
            if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
                return Kind.MARIADB;
            }
        }
        StringBuilder supported = new StringBuilder();
        for (Kind kind : Kind.values()) {
            supported.append(supported.isEmpty() ? "" : ", ").append(kind.supported);
        }
        throw new SQLException("unsupported database URL '" + redact(String.valueOf(url), password) + "': supported are "
                + supported);
    }

    /** Adds {@code name=value} unless the URL sets the option already (any case). */
    private static String withDefault(String url, String name, String value) {
        int query = url.indexOf('?');
        if (query >= 0 && Pattern.compile("(?i)[?&]" + Pattern.quote(name) + "(=|&|$)").matcher(url).find()) {
            return url;
        }
        return url + (query < 0 ? '?' : '&') + name + '=' + value;
    }

    @Override
    public String toString() {
        return kind + " " + redact(driverUrl, null);
    }
}
