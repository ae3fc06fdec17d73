package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file held by one process (run) is read by another (sql, show) through a loopback server and a secret key. */
class H2ShareTest {

    @TempDir
    Path dir;

    @Test
    void anotherProcessReadsTheHeldFileThroughTheShareAndOnlyWithItsKey() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("chatload");
        try (Destination holder = Destination.connect(url, "", "")) {
            try (Connection c = holder.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA chaport_data");
                s.execute("CREATE TABLE chaport_data.visitors (id VARCHAR)");
                s.execute("INSERT INTO chaport_data.visitors VALUES ('a'), ('b')");
            }
            Path shareFile = dir.resolve("chatload.share");
            try (H2Share share = H2Share.serve(url).orElseThrow()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(shareFile)),
                        "only the file's owner may read the key");
                String shared = H2Share.sharedUrl(url).orElseThrow();
                assertTrue(shared.matches("jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}"), shared);

                try (Destination reader = Destination.connect(shared, "", "")) {
                    assertEquals(List.of(List.of("2")), reader.query("SELECT COUNT(*) FROM \"chaport_data\".\"visitors\"", 10).rows()
                            .stream().map(row -> row.stream().map(String::valueOf).toList()).toList());
                    assertEquals(2, reader.query("SELECT id FROM chaport_data.visitors", 10).rows().size(),
                            "the holder's lower-case names, unquoted too");
                }
                String otherDatabase = shared.replaceAll("/[0-9a-f]{32}$", "/" + dir.resolve("other"));
                assertThrows(SQLException.class, () -> DriverManager.getConnection(otherDatabase, "", "").close(),
                        "without the key the server opens nothing");
            }
            assertFalse(Files.exists(shareFile), "the share file goes with the share");
            assertEquals(Optional.empty(), H2Share.sharedUrl(url));
        }
    }

    @Test
    void onlyEmbeddedH2FilesAreShared() throws Exception {
        assertEquals(Optional.empty(), H2Share.serve("jdbc:h2:mem:x"));
        assertEquals(Optional.empty(), H2Share.serve("jdbc:postgresql://127.0.0.1:5432/x"));
        assertEquals(Optional.empty(), H2Share.sharedUrl("jdbc:h2:tcp://127.0.0.1:9092/x"));
        assertEquals(Optional.of(Path.of("chatload").toAbsolutePath()), H2Share.filePath("jdbc:h2:file:./chatload;WRITE_DELAY=0"));
        assertEquals(Optional.of(Path.of("data/db").toAbsolutePath()), H2Share.filePath("jdbc:h2:data/db"));
    }
}
