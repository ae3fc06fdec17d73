package io.chatload.cli;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.load.Destination;
import java.sql.SQLException;

/** Opens the configured destination, or fails with one line naming the setting (and never the password). */
final class Databases {

    private Databases() {
    }

    static Destination connect(ChatloadConfig config) {
        String url = config.dbUrl();
        try {
            return Destination.connect(url, config.dbUser(), config.dbPassword(), config.dbAllowsCode());
        } catch (ConfigException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            String password = config.dbPassword();
            if (!password.isEmpty()) {
                detail = detail.replace(password, "***");
            }
            throw new ConfigException("chatload.db.url: cannot use the database " + redact(url) + " (" + detail
                    + "): check CHATLOAD_DB_URL, that the server is running, and CHATLOAD_DB_USER/CHATLOAD_DB_PASSWORD", e);
        }
    }

    /** A JDBC URL as it may be shown: without password parameters. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
