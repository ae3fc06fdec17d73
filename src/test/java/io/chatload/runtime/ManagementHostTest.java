package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestPipeline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management server (health, metrics) listens on loopback unless {@code chatload.management.host} opens it: the
 * kernel's own table of listening sockets ({@code /proc/net/tcp*}, what {@code ss -ltn} reads) says where it is bound.
 */
class ManagementHostTest {

    /** 127.0.0.1 as /proc/net/tcp writes it, and as /proc/net/tcp6 does (::ffff:127.0.0.1). */
    private static final Set<String> LOOPBACK = Set.of("0100007F", "0000000000000000FFFF00000100007F");
    private static final Set<String> ANY = Set.of("00000000", "00000000000000000000000000000000");

    @TempDir
    Path dir;

    @Test
    void byDefaultTheManagementPortListensOnLoopbackOnly() throws Exception {
        Set<String> bound = boundAddresses(Map.of());
        assertEquals(1, bound.size(), bound.toString());
        assertTrue(LOOPBACK.containsAll(bound), "bound to 127.0.0.1 only: " + bound);
    }

    @Test
    void theSettingOpensItToEveryInterface() throws Exception {
        Set<String> bound = boundAddresses(Map.of("CHATLOAD_MANAGEMENT_HOST", "0.0.0.0"));
        assertEquals(1, bound.size(), bound.toString());
        assertTrue(ANY.containsAll(bound), "bound to the wildcard address: " + bound);
    }

    /** Where {@code run}'s management server listens, given these settings; it answers health there. */
    private Set<String> boundAddresses(Map<String, String> settings) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net/tcp");
        int port = freePort();
        Map<String, String> overrides = new java.util.HashMap<>(settings);
        overrides.put("chatload.management.port", Integer.toString(port));
        overrides.put("chatload.routes.reload", "false");
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withScale(Scale.TINY));
             TestPipeline p = TestPipeline.scheduled(TestPipeline.config(sandbox, dir, Path.of("routes"), overrides))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            return listening(port);
        }
    }

    /** The local addresses (hex, as the kernel writes them) of the sockets listening on the port. */
    private static Set<String> listening(int port) throws IOException {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        Set<String> addresses = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                // sl, local_address, rem_address, st: 0A is LISTEN
                if (fields.length > 3 && fields[1].endsWith(suffix) && fields[3].equals("0A")) {
                    addresses.add(fields[1].substring(0, fields[1].length() - suffix.length()));
                }
            }
        }
        return addresses;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
