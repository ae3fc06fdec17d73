package io.chatload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the engine keeps, read from the sources: the engine's packages import others without cycles, the exchange
 * properties of a run stay inside the engine, and no class of the engine or of the resource declarations grows
 * past about 300 lines.
 */
class EngineBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java");
    /** The top-level package an import names ({@code io.chatload.source} for {@code io.chatload.source.auth.X}). */
    private static final Pattern IMPORT = Pattern.compile("^import (io\\.chatload\\.[a-z]+)[a-z.]*\\.[A-Z]", Pattern.MULTILINE);

    /** Packages by responsibility, as the design lists them: a package and its subpackages count as one; no cycles. */
    @Test
    void noPackageIsInACycle() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        for (Path file : sources()) {
            Path relative = MAIN.relativize(file.getParent());
            String pkg = relative.subpath(0, Math.min(3, relative.getNameCount())).toString().replace('/', '.');
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    imports.computeIfAbsent(pkg, p -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String pkg : imports.keySet()) {
            List<String> path = cycleFrom(pkg, pkg, imports, new ArrayList<>(List.of(pkg)), new HashSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> imports, List<String> path,
                                          Set<String> seen) {
        for (String next : imports.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, imports, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    @Test
    void onlyTheEngineNamesTheExchangePropertiesOfARun() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("static final String \\w+ = \"(chatload\\w+)\"")
                .matcher(Files.readString(MAIN.resolve("io/chatload/engine/RunExchange.java")));
        while (m.find()) {
            names.add(m.group(1));
        }
        Map<String, List<String>> outside = new HashMap<>();
        for (Path file : sources()) {
            if (file.startsWith(MAIN.resolve("io/chatload/engine"))) {
                continue;
            }
            String text = Files.readString(file);
            names.stream().filter(n -> text.contains("\"" + n + "\"") || text.contains("RunExchange"))
                    .forEach(n -> outside.computeIfAbsent(file.toString(), f -> new ArrayList<>()).add(n));
        }
        assertEquals(5, names.size(), "the run's properties, as RunExchange declares them: " + names);
        assertEquals(Map.of(), outside);
    }

    @Test
    void noClassOfTheEngineOrTheResourceDeclarationsIsLong() throws IOException {
        Map<String, Long> long_ = new TreeMap<>();
        for (Path file : sources()) {
            boolean ours = file.startsWith(MAIN.resolve("io/chatload/engine")) || file.startsWith(MAIN.resolve("io/chatload/routes"));
            long lines = Files.readAllLines(file).size();
            // ResourceCatalog is the next step of the redesign (issue 13): its jobs are split there
            if (ours && lines > 300 && !file.endsWith("ResourceCatalog.java")) {
                long_.put(file.getFileName().toString(), lines);
            }
        }
        assertEquals(Map.of(), long_);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
