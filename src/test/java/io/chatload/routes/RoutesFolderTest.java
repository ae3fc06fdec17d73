package io.chatload.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource files chatload loads: those shipped in the jar (the repository's routes/, read from target/classes or
 * from inside a jar), with a routes folder's files over them by relative name, or the folder's alone.
 */
class RoutesFolderTest {

    private static final Path REPOSITORY_ROUTES = Path.of("routes");

    @TempDir
    Path dir;

    private static ChatloadConfig config(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return ChatloadConfig.load(Map.of(), properties);
    }

    /** The repository's resource files as chatload must load them: defaults first, examples/ left out. */
    private static Map<String, String> repositoryFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(REPOSITORY_ROUTES)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".xml"))
                    .filter(p -> !REPOSITORY_ROUTES.relativize(p).startsWith("examples")).toList();
            Map<String, String> byName = new java.util.TreeMap<>();
            for (Path file : files) {
                byName.put(REPOSITORY_ROUTES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
            return byName;
        }
    }

    private static Map<String, String> contents(List<RouteFile> files) {
        return files.stream().collect(Collectors.toMap(RouteFile::name, RouteFile::content, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void withoutAFolderTheShippedFilesAreTheRepositorysRoutesLessExamples() throws Exception {
        RoutesFolder routes = RoutesFolder.of(config(Map.of()));

        assertEquals(Optional.empty(), routes.folder());
        List<RouteFile> files = routes.files();
        assertEquals(repositoryFiles(), contents(files));
        assertTrue(files.stream().allMatch(RouteFile::shipped), "every file is a shipped one");
        assertEquals("classpath:chatload/routes/chaport/visitors.yaml",
                files.stream().filter(f -> f.name().equals("chaport/visitors.yaml")).findFirst().orElseThrow().location());
        assertEquals(List.of("chaport/_source.yaml", "chatforma/_source.yaml"), files.subList(0, 2).stream().map(RouteFile::name).toList(),
                "each source's defaults before the resource files that use them");
    }

    @Test
    void theShippedFilesAreListedFromInsideAJarAsFromTheClassesFolder() throws Exception {
        Path classes = Path.of(RoutesFolder.class.getClassLoader().getResource(ShippedRoutes.ROOT).toURI());
        Path jar = dir.resolve("chatload.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.sorted().toList()) {
                // as Maven's jar and shade plugins write it: an entry for each folder, then its files
                String relative = classes.relativize(p).toString().replace('\\', '/');
                String name = ShippedRoutes.ROOT + (relative.isEmpty() ? "" : "/" + relative);
                out.putNextEntry(new JarEntry(Files.isDirectory(p) ? name + "/" : name));
                if (Files.isRegularFile(p)) {
                    out.write(Files.readAllBytes(p));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(repositoryFiles(), ShippedRoutes.read(loader));
            ClassLoader asTheAppLoader = new ClassLoader(null) { // java -jar's loader names the folder's entry, with its '/'
                @Override
                public URL getResource(String name) {
                    return loader.getResource(name + "/");
                }
            };
            assertTrue(asTheAppLoader.getResource(ShippedRoutes.ROOT).toString().endsWith("/"));
            assertEquals(repositoryFiles(), ShippedRoutes.read(asTheAppLoader), "a folder URL that ends in '/'");
            try (FileSystem openElsewhere = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
                assertEquals(repositoryFiles(), ShippedRoutes.read(loader), "read while the host has the jar open too");
                assertTrue(openElsewhere.isOpen(), "and left open for the host");
            }
        }
    }

    @Test
    void aJarWithoutTheShippedFilesIsOneLine() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            ConfigException e = assertThrows(ConfigException.class, () -> ShippedRoutes.read(loader));
            assertEquals("the resource files shipped with chatload (chatload/routes/ on the classpath) are missing: rebuild "
                    + "chatload, or set chatload.routes.shipped=false and name your routes folder in chatload.routes", e.getMessage());
        }
    }

    @Test
    void aFolderFileReplacesTheShippedOneOfTheSameNameAndAddsNewOnes() throws Exception {
        Path folder = dir.resolve("my-routes");
        write(folder.resolve("chaport/visitors.yaml"), "# mine\n");
        write(folder.resolve("chaport/team.yaml"), "# a new resource\n");
        write(folder.resolve("examples/anything.yaml"), "# never loaded\n");
        write(folder.resolve("chaport/notes.txt"), "not a resource file");

        RoutesFolder routes = RoutesFolder.of(config(Map.of("chatload.routes", folder.toString())));

        Map<String, String> expected = repositoryFiles();
        expected.put("chaport/visitors.yaml", "# mine\n");
        expected.put("chaport/team.yaml", "# a new resource\n");
        List<RouteFile> files = routes.files();
        assertEquals(expected, contents(files));
        RouteFile visitors = files.stream().filter(f -> f.name().equals("chaport/visitors.yaml")).findFirst().orElseThrow();
        assertFalse(visitors.shipped());
        assertEquals("file:" + folder.toAbsolutePath().normalize().resolve("chaport/visitors.yaml"), visitors.location());
        assertTrue(files.stream().filter(f -> f.name().equals("chaport/operators.yaml")).allMatch(RouteFile::shipped));
    }

    @Test
    void shippedOffLeavesTheFolderAlone() throws Exception {
        Path folder = dir.resolve("my-routes");
        write(folder.resolve("chaport/_source.yaml"), "# defaults\n");
        write(folder.resolve("chaport/visitors.yaml"), "# mine\n");

        RoutesFolder routes = RoutesFolder.of(config(Map.of("chatload.routes", folder.toString(), "chatload.routes.shipped", "false")));

        assertEquals(List.of("chaport/_source.yaml", "chaport/visitors.yaml"), routes.files().stream().map(RouteFile::name).toList());
        assertTrue(routes.files().stream().noneMatch(RouteFile::shipped));
        ConfigException e = assertThrows(ConfigException.class,
                () -> RoutesFolder.of(config(Map.of("chatload.routes.shipped", "no"))));
        assertEquals("chatload.routes.shipped = 'no' must be true or false", e.getMessage());
    }

    @Test
    void aFolderSetButMissingIsOneLineWordedForAHost() {
        Path missing = dir.resolve("no-such-folder");

        ConfigException e = assertThrows(ConfigException.class,
                () -> RoutesFolder.of(config(Map.of("chatload.routes", missing.toString()))));

        assertEquals("chatload.routes = '" + missing + "' is not a folder: set chatload.routes to the folder of your "
                + "resource files, or remove it to use the ones shipped in chatload's jar", e.getMessage());
    }

    @Test
    void onTheCommandLineAFolderSetButMissingIsOneLineNamingTheVariable() {
        Path missing = dir.resolve("no-such-folder");

        ConfigException e = assertThrows(ConfigException.class,
                () -> RoutesFolder.forCommandLine(config(Map.of("chatload.routes", missing.toString())), dir.resolve("routes")));

        assertEquals("routes folder '" + missing + "' not found: set CHATLOAD_ROUTES to the folder of your resource "
                + "files, or unset it to use the ones shipped in the jar", e.getMessage());
    }

    @Test
    void onTheCommandLineTheWorkingFoldersRoutesCountWhenPresent() throws Exception {
        Path here = dir.resolve("routes");
        assertEquals(Optional.empty(), RoutesFolder.forCommandLine(config(Map.of()), here).routesDir(), "none: the shipped files alone");

        write(here.resolve("chaport/team.yaml"), "# a new resource\n");
        assertEquals(Optional.of(here), RoutesFolder.forCommandLine(config(Map.of()), here).routesDir());
        Path other = Files.createDirectories(dir.resolve("other"));
        assertEquals(Optional.of(other), RoutesFolder.forCommandLine(config(Map.of("chatload.routes", other.toString())), here).routesDir(),
                "a folder set wins over ./routes");
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void theExamplesFolderIsNotLoaded() {
        assertEquals(List.of(), RoutesFolder.list(Path.of("routes")).stream()
                .filter(f -> f.toString().contains("examples")).toList());
    }
}
