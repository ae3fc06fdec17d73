package io.chatload.routes;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The resource files chatload loads: those shipped in the jar ({@link ShippedRoutes}), unless
 * {@code chatload.routes.shipped} is false, with the files of the routes folder over them. A folder file whose name
 * relative to the folder is a shipped file's ({@code chaport/visitors.yaml}) replaces it; any other adds to them.
 * In the folder, every {@code *.yaml} and {@code *.xml} below it counts, recursively (Camel's include pattern is not),
 * but not those under {@code examples/}. Each source's {@code _source.yaml} comes first, so its defaults bean exists
 * before the resource files that use it.
 */
public final class RoutesFolder {

    static final String SHIPPED_SETTING = "chatload.routes.shipped";

    private static final Comparator<RouteFile> LOAD_ORDER = Comparator
            .comparing((RouteFile f) -> !Path.of(f.name()).getFileName().toString().startsWith("_"))
            .thenComparing(RouteFile::name);

    private final Path folder;
    private final Map<String, String> shipped;

    private RoutesFolder(Path folder, Map<String, String> shipped) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.shipped = shipped;
    }

    /**
     * The shipped files with {@code chatload.routes} over them, the way a host names it: the folder must exist.
     *
     * @throws ConfigException the folder set does not exist, or the shipped files cannot be read
     */
    public static RoutesFolder of(ChatloadConfig config) {
        Optional<Path> folder = config.routesDir();
        if (folder.isPresent() && !Files.isDirectory(folder.get())) {
            throw new ConfigException("chatload.routes = '" + folder.get() + "' is not a folder: set chatload.routes to the "
                    + "folder of your resource files, or remove it to use the ones shipped in chatload's jar");
        }
        boolean withShipped = config.getBoolean(SHIPPED_SETTING, true);
        return new RoutesFolder(folder.orElse(null),
                withShipped ? ShippedRoutes.read(RoutesFolder.class.getClassLoader()) : Map.of());
    }

    /**
     * The settings as the command line reads them: the routes folder is {@code CHATLOAD_ROUTES} when set, which
     * must exist (one line naming the variable), else {@code ./routes} when there is one. A host names its folder
     * itself: its own {@code ./routes} may well hold its own Camel routes.
     */
    public static ChatloadConfig forCommandLine(ChatloadConfig config) {
        return forCommandLine(config, Path.of("routes"));
    }

    static ChatloadConfig forCommandLine(ChatloadConfig config, Path workingFolderRoutes) {
        Optional<Path> set = config.routesDir();
        if (set.isPresent()) {
            if (!Files.isDirectory(set.get())) {
                throw new ConfigException("routes folder '" + set.get() + "' not found: set CHATLOAD_ROUTES to the folder "
                        + "of your resource files, or unset it to use the ones shipped in the jar");
            }
            return config;
        }
        return Files.isDirectory(workingFolderRoutes)
                ? config.with(Map.of("chatload.routes", workingFolderRoutes.toString())) : config;
    }

    /** The routes folder, absolute; empty when the shipped files are all there is. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * The files as they are now, in load order; the folder is read again at each call (the shipped files never
     * change). A folder removed meanwhile has no files; a file removed between listing and reading is left out.
     */
    public List<RouteFile> files() {
        Map<String, RouteFile> byName = new HashMap<>();
        shipped.forEach((name, content) -> byName.put(name, new RouteFile(name, ShippedRoutes.LOCATION + name, content)));
        if (folder != null && Files.isDirectory(folder)) {
            for (Path file : list(folder)) {
                String name = name(folder, file);
                try {
                    byName.put(name, new RouteFile(name, "file:" + file, Files.readString(file, StandardCharsets.UTF_8)));
                } catch (NoSuchFileException e) {
                    // removed after the listing: as if it had not been listed
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return byName.values().stream().sorted(LOAD_ORDER).toList();
    }

    /** The resource files below a folder, on disk or in a jar: {@code *.yaml} and {@code *.xml}, not in examples/. */
    static List<Path> list(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> isRouteFile(name(root, p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Whether a file, by its name relative to the folder, is one chatload loads: YAML or XML, outside examples/. */
    static boolean isRouteFile(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".xml")) && !name.startsWith("examples/");
    }

    /** A file's name relative to its folder, with {@code /} whatever the file system. */
    static String name(Path root, Path file) {
        return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
    }
}
