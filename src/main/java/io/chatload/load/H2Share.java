package io.chatload.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.h2.tools.Server;

/**
 * Lets {@code sql} and {@code show} read an embedded H2 file while {@code run} holds it (an embedded file admits one
 * process). The process that holds the file serves it over H2's TCP protocol on loopback only, to clients that know a
 * random key; port and key sit in {@code <database>.share} beside the file, readable by its owner alone, so only who
 * may read the database file may connect. H2's own {@code AUTO_SERVER} listens on every interface instead.
 */
public final class H2Share implements AutoCloseable {

    private static final String SUFFIX = ".share";

    private final Server server;
    private final Path shareFile;

    private H2Share(Server server, Path shareFile) {
        this.server = server;
        this.shareFile = shareFile;
    }

    /**
     * Serves the H2 file of {@code jdbcUrl} (already opened by this process) until closed; nothing for any other URL.
     */
    public static Optional<H2Share> serve(String jdbcUrl) throws SQLException {
        Optional<Path> database = filePath(jdbcUrl);
        if (database.isEmpty()) {
            return Optional.empty();
        }
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String key = HexFormat.of().formatHex(secret);
        // no -tcpAllowOthers: loopback clients only; -ifExists: the key opens this database and creates none
        Server server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key,
                database.get().toString()).start();
        Path shareFile = Path.of(database.get() + SUFFIX);
        try {
            Properties share = new Properties();
            share.setProperty("port", Integer.toString(server.getPort()));
            share.setProperty("key", key);
            Files.deleteIfExists(shareFile);
            Files.createFile(shareFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(shareFile, StandardOpenOption.TRUNCATE_EXISTING)) {
                share.store(out, "chatload: the H2 file is served here while the process that holds it runs");
            }
        } catch (IOException | UnsupportedOperationException e) {
            server.stop();
            return Optional.empty(); // sharing is a convenience: the holder runs on without it
        }
        return Optional.of(new H2Share(server, shareFile));
    }

    /** The URL through which another process reads the H2 file of {@code jdbcUrl} while its holder serves it. */
    public static Optional<String> sharedUrl(String jdbcUrl) {
        Optional<Path> database = filePath(jdbcUrl);
        if (database.isEmpty()) {
            return Optional.empty();
        }
        Path shareFile = Path.of(database.get() + SUFFIX);
        if (!Files.isReadable(shareFile)) {
            return Optional.empty();
        }
        Properties share = new Properties();
        try (InputStream in = Files.newInputStream(shareFile)) {
            share.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String port = share.getProperty("port", "");
        String key = share.getProperty("key", "");
        return port.matches("\\d{1,5}") && key.matches("[0-9a-f]{32}")
                ? Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key) : Optional.empty();
    }

    /** The absolute path (without {@code .mv.db}) of an embedded H2 file URL; empty for memory, TCP and other URLs. */
    static Optional<Path> filePath(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.contains(":")
                && !lower.startsWith("~")) {
            return Optional.empty(); // memory, remote, or another file system (zip:, nio:...)
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(shareFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + shareFile, e);
        } finally {
            server.stop();
        }
    }
}
