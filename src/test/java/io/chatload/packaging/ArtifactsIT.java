package io.chatload.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The two artifacts the build makes from one tree: the library an estate depends on holds neither the sandbox nor the
 * command line (nor chatload's own application.properties), and the runnable jar holds both.
 */
class ArtifactsIT {

    private static final Path LIBRARY = Path.of(System.getProperty("chatload.library.jar", "target/chatload-0.1.0-SNAPSHOT.jar"));
    private static final Path TOOL = Path.of(System.getProperty("chatload.jar", "target/chatload.jar"));

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theLibraryJarHasNoSandboxNoCommandLineAndNoApplicationProperties() throws IOException {
        List<String> library = entries(LIBRARY);
        assertTrue(library.contains("io/chatload/embed/ChatloadRoutes.class"), "the library holds the embedding entry point");
        assertEquals(List.of(), library.stream()
                .filter(e -> e.startsWith("io/chatload/sandbox/") || e.startsWith("io/chatload/cli/")
                        || e.equals("application.properties") || e.equals("simplelogger.properties"))
                .toList());
    }

    @Test
    void theRunnableJarHasTheCommandLineAndTheSandbox() throws IOException {
        List<String> tool = entries(TOOL);
        for (String entry : List.of("io/chatload/cli/Chatload.class", "io/chatload/sandbox/SandboxServer.class",
                "io/chatload/embed/ChatloadRoutes.class", "application.properties", "simplelogger.properties")) {
            assertTrue(tool.contains(entry), "the runnable jar holds " + entry);
        }
    }
}
