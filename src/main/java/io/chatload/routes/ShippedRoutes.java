package io.chatload.routes;

import io.chatload.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The resource files shipped in chatload's jar: the repository's {@code routes/}, which the build copies to the
 * classpath under {@value #ROOT}. Read by walking that folder, in {@code target/classes} or inside the jar (its
 * entries, else a zip file system), so any file added to {@code routes/} ships without a list to keep.
 */
final class ShippedRoutes {

    static final String ROOT = "chatload/routes";
    static final String LOCATION = "classpath:" + ROOT + "/";

    private ShippedRoutes() {
    }

    /** Each shipped file's content by its name relative to {@value #ROOT}. */
    static Map<String, String> read(ClassLoader loader) {
        URL url = loader.getResource(ROOT);
        if (url == null) {
            throw new ConfigException("the resource files shipped with chatload (" + ROOT + "/ on the classpath) are missing: "
                    + "rebuild chatload, or set chatload.routes.shipped=false and name your routes folder in chatload.routes");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readAll(Path.of(uri));
            }
            if (url.openConnection() instanceof JarURLConnection inJar) {
                return readAll(inJar);
            }
            // a jar URL without a JarURLConnection: jar:file:/x/chatload.jar!/chatload/routes (a nested jar has a '!/'
            // per level)
            String inJar = uri.toString().substring(uri.toString().lastIndexOf("!/") + 1);
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return readAll(jar.getPath(inJar));
            } catch (FileSystemAlreadyExistsException e) {
                // opened by someone else, who closes it
                return readAll(FileSystems.getFileSystem(uri).getPath(inJar));
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new ConfigException("cannot read the resource files shipped with chatload in " + url + " (" + e
                    + "): set chatload.routes.shipped=false and name your routes folder in chatload.routes", e);
        }
    }

    /**
     * The files under the connection's entry, by the jar's own index: a zip file system over chatload's jar (18 000
     * entries) would first build an index of its own, a tenth of a second of a one-shot run.
     */
    private static Map<String, String> readAll(JarURLConnection folder) throws IOException {
        folder.setUseCaches(false); // a JarFile of our own, closed here: the cached one is the class loader's
        // the class loader names a folder with its entry's trailing '/' (chatload/routes/), a URL built by hand without
        String folderEntry = folder.getEntryName();
        String prefix = folderEntry.endsWith("/") ? folderEntry : folderEntry + "/";
        Map<String, String> files = new TreeMap<>();
        try (JarFile jar = folder.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                String name = entry.getName().substring(prefix.length());
                if (RoutesFolder.isRouteFile(name)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return files;
    }

    private static Map<String, String> readAll(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path file : RoutesFolder.list(root)) {
            files.put(RoutesFolder.name(root, file), Files.readString(file, StandardCharsets.UTF_8));
        }
        return files;
    }
}
