package io.chatload.cli;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.load.Destination;
import io.chatload.load.H2Share;
import java.sql.SQLException;
import java.util.Optional;

/** Opens the configured destination, or fails with one line naming the setting (and never the password). */
final class Databases {

    private Databases() {
    }

    static Destination connect(ChatloadConfig config) {
        return connect(config, config.dbUrl());
    }

    /**
     * For commands that read ({@code sql}, {@code show}): an H2 file that a running {@code run} holds is read through
     * the loopback server that run offers ({@link H2Share}); else, or when that run is gone, the file itself.
     */
    static Destination connectToRead(ChatloadConfig config) {
        Optional<String> shared = H2Share.sharedUrl(config.dbUrl());
        if (shared.isPresent()) {
            try {
                return Destination.connect(shared.get(), config.dbUser(), config.dbPassword(), config.dbAllowsCode());
            } catch (SQLException | RuntimeException staleShare) {
                // the run that offered it has ended (killed, its share file left): open the file
            }
        }
        return connect(config);
    }

    /** Offers the H2 file this process holds to {@code sql} and {@code show} in other terminals; null for other databases. */
    static H2Share share(ChatloadConfig config) {
        try {
            return H2Share.serve(config.dbUrl()).orElse(null);
        } catch (SQLException e) {
            return null; // a convenience for other terminals: the run goes on without it
        }
    }

    private static Destination connect(ChatloadConfig config, String url) {
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
