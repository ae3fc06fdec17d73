package io.chatload.load;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination URL as chatload reads it: which database, the URL handed to the driver, and the schema prefix.
 * chatload's own parameter {@code chatloadSchemaPrefix=<prefix>} (lower-case letters, digits, _) is taken out of the
 * URL; the driver gets chatload's defaults for any option the URL does not set.
 */
record DatabaseUrl(Kind kind, String driverUrl, String schemaPrefix) {
    static final String PREFIX_PARAMETER = "chatloadSchemaPrefix";
    private static final Pattern PREFIX = Pattern.compile("(?i)([;?&])" + PREFIX_PARAMETER + "=([^;&]*)");
    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9_]{0,32}");
    private static final Pattern SECRET = Pattern.compile("(?i)(password|pwd)=[^;&]*");

    enum Kind {
        H2("H2 (jdbc:h2:...)"),
        POSTGRESQL("PostgreSQL (jdbc:postgresql://host[:port]/database)"),
        MARIADB("MariaDB/MySQL (jdbc:mariadb://host[:port]/database or jdbc:mysql://...)");

        private final String supported;

        Kind(String supported) {
            this.supported = supported;
        }
    }

    /** @param password only to keep it out of error messages */
    static DatabaseUrl parse(String url, String password) throws SQLException {
        Kind kind = kind(url, password);
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
            case H2 -> rest.startsWith("jdbc:h2:mem:") ? rest : h2FileDefaults(rest);
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
     * An embedded file database writes commits lazily: a killed process would lose the last ones. And H2's own shutdown
     * hook would close it under a load that SIGTERM is still stopping: chatload closes it itself (H2 refuses that with
     * AUTO_SERVER, whose database then closes at exit, rolling back the open batch).
     */
    private static String h2FileDefaults(String url) {
        String durable = h2Setting(url, "WRITE_DELAY", "0");
        return url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE") ? durable
                : h2Setting(durable, "DB_CLOSE_ON_EXIT", "FALSE");
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
