package io.chatload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * properties of a run stay inside the engine, no class of the engine or of the resource declarations grows past about
 * 300 lines, and vendors are plug-ins: only their own packages know them.
 */
class EngineBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path VENDORS = MAIN.resolve("io/chatload/vendor");
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

    /** Vendors plug into the core (io.chatload.plugin.VendorPlugin); nothing outside their packages depends on them. */
    @Test
    void noCorePackageImportsAVendor() throws IOException {
        List<String> importing = new ArrayList<>();
        for (Path file : sources()) {
            if (!file.startsWith(VENDORS) && Files.readString(file).contains("import io.chatload.vendor.")) {
                importing.add(MAIN.relativize(file).toString());
            }
        }
        assertEquals(List.of(), importing, "core classes that import a vendor's package");
    }

    /**
     * A vendor's name appears in its own package and its YAML folder, nowhere else: no string literal in the core is a
     * vendor's name or starts with it ({@code "acme"}, {@code "acme.messages"}, {@code "acme_data"}). The sandbox,
     * which simulates the vendors' APIs, is no part of the core.
     */
    @Test
    void noCoreSourceNamesAVendorInALiteral() throws IOException {
        List<String> vendors;
        try (Stream<Path> dirs = Files.list(VENDORS)) {
            vendors = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertTrue(vendors.size() >= 2, "the vendors' packages below " + VENDORS + ": " + vendors);
        Pattern literal = Pattern.compile("\"(" + String.join("|", vendors) + ")([._-][^\"]*)?\"");
        List<String> naming = new ArrayList<>();
        for (Path file : sources()) {
            if (file.startsWith(VENDORS) || file.startsWith(MAIN.resolve("io/chatload/sandbox"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                Matcher m = literal.matcher(line);
                if (!comment && m.find()) {
                    naming.add(MAIN.relativize(file) + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertEquals(List.of(), naming, "vendor names in core sources");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
