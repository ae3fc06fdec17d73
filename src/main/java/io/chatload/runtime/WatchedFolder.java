package io.chatload.runtime;

import io.chatload.routes.RouteFile;
import io.chatload.routes.RoutesFolder;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The routes folder as the reloader sees it, one look at a time: every file (the folder's over the shipped ones, by
 * name, see {@link RoutesFolder}) with its content, which of them have settled since the previous look (a file still
 * being written is not taken), and how to name a file to a user.
 */
final class WatchedFolder {

    private final RoutesFolder routes;
    /** The routes folder, absolute. */
    private final Path dir;
    /** The files as the latest look read them, by name relative to the folder: where each one is from. */
    private Map<Path, RouteFile> files = Map.of();
    /** Each file's content at the previous look: a change is taken once it has stayed the same for one interval. */
    private Map<Path, String> previous = Map.of();
    /** The folder as this look read it. */
    private Map<Path, String> current = Map.of();

    WatchedFolder(RoutesFolder routes) {
        this.routes = routes;
        this.dir = routes.folder().orElseThrow();
    }

    Path dir() {
        return dir;
    }

    /** The first look, at start: what later looks compare with. */
    Map<Path, String> start() {
        Map<Path, String> now = read();
        previous = now;
        return now;
    }

    /**
     * A new look: the files that exist now or are {@code known} (a removed file counts as a change to nothing) and
     * did not change since the previous look.
     */
    Set<Path> settled(Collection<Path> known) {
        Map<Path, String> now = read();
        current = now;
        Set<Path> settled = new LinkedHashSet<>();
        Set<Path> all = new LinkedHashSet<>(now.keySet());
        all.addAll(known);
        for (Path file : all) {
            if (Objects.equals(now.get(file), previous.get(file))) {
                settled.add(file);
            }
        }
        previous = now;
        return settled;
    }

    /** The file's content at this look; null when it is gone. */
    String content(Path file) {
        return current.get(file);
    }

    boolean exists(Path file) {
        return current.containsKey(file);
    }

    /** A source's defaults ({@code _source.yaml}): beans, no routes. */
    static boolean isDefaults(Path file) {
        return file.getFileName().toString().startsWith("_");
    }

    /** Where the file is read from now: the folder, or the jar when shipped and not replaced. */
    String location(Path file) {
        RouteFile now = files.get(file);
        return now != null ? now.location() : "file:" + dir.resolve(file);
    }

    /** The file as a user names it: {@code routes/chaport/visitors.yaml}, or {@code shipped chaport/visitors.yaml}. */
    String name(Path file) {
        RouteFile now = files.get(file);
        String name = file.toString().replace('\\', '/');
        return now != null && now.shipped() ? "shipped " + name : dir.getFileName() + "/" + name;
    }

    /** Every file, as RoutesFolder lists them (the folder's over the shipped ones), with its content, by name. */
    private Map<Path, String> read() {
        Map<Path, RouteFile> now = new HashMap<>();
        Map<Path, String> contents = new HashMap<>();
        for (RouteFile file : routes.files()) {
            now.put(Path.of(file.name()), file);
            contents.put(Path.of(file.name()), file.content());
        }
        files = now;
        return contents;
    }
}
