package io.chatload.routes;

import io.chatload.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The resource files of the routes folder: every {@code *.yaml} and {@code *.xml} below it, recursively (Camel's
 * include pattern is not), but not those under {@code examples/}, each source's {@code _source.yaml} first so its
 * defaults bean exists before the resource files that use it.
 */
public final class RoutesFolder {

    private RoutesFolder() {
    }

    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("routes folder '" + dir + "' not found: run from the project folder or set "
                    + "CHATLOAD_ROUTES (chatload.routes) to the folder holding the resource files");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".xml"))
                    .filter(p -> !dir.relativize(p).startsWith("examples"))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("_"))
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list routes folder " + dir, e);
        }
    }
}
