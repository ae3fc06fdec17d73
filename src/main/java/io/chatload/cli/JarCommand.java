package io.chatload.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the user started chatload, for the hints a command prints: {@code java -jar <the jar they ran>}. */
final class JarCommand {

    private JarCommand() {
    }

    /** {@code java -jar target/chatload.jar}, with the jar's path as seen from the working folder where that is short. */
    static String get() {
        return "java -jar " + jar();
    }

    private static String jar() {
        try {
            Path jar = Path.of(JarCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return "chatload.jar"; // classes from a folder: a build, not an installed jar
            }
            Path here = Path.of("").toAbsolutePath();
            return jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return "chatload.jar";
        }
    }
}
