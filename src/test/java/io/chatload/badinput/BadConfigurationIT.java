package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration mistakes stop chatload before it loads anything: exit code 2 and one line on stderr naming the
 * setting (or the resource file's parameter), no stack trace. Nothing listens at the base URL: a mistake that got
 * past the checks would show as exit code 1 instead.
 */
class BadConfigurationIT {

    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("CHAPORT_TOKEN", "config-case-token", "CHAPORT_BASE_URL",
                "http://127.0.0.1:1/api/v1", "CHATLOAD_DB_URL", "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** Exit 2, exactly one line on stderr that says {@code says}, nothing about the token, no stack trace. */
    private static void assertOneLineExitTwo(Cli.Result result, String... says) {
        assertEquals(2, result.exit(), result.all());
        List<String> lines = result.err().lines().filter(l -> !l.isBlank() && !l.startsWith("notice: ")).toList();
        assertEquals(1, lines.size(), "one line on stderr besides notices:\n" + result.err());
        assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
        for (String s : says) {
            assertTrue(lines.get(0).contains(s), "says <" + s + ">: " + lines.get(0));
        }
        assertFalse(result.all().contains("\tat ") || result.all().contains("config-case-token"), result.all());
    }

    /** A routes folder with Chaport's shipped files, {@code visitors.yaml} replaced by {@code yaml}. */
    private Path routesWithVisitors(String yaml) throws Exception {
        Path chaport = Files.createDirectories(dir.resolve("routes/chaport"));
        try (Stream<Path> files = Files.list(Path.of("routes/chaport"))) {
            for (Path f : files.toList()) {
                Files.copy(f, chaport.resolve(f.getFileName()));
            }
        }
        Files.writeString(chaport.resolve("visitors.yaml"), yaml);
        return dir.resolve("routes");
    }

    private static String visitors(String... extra) {
        StringBuilder yaml = new StringBuilder("""
                - templatedRoute:
                    routeTemplateRef: chatload-resource
                    routeId: chaport.visitors
                    parameters:
                """);
        for (String p : extra) {
            yaml.append("      - ").append(p).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void aSelectedResourceWhoseSourceHasNoTokenIsAConfigurationError() throws Exception {
        Map<String, String> env = env();
        env.remove("CHAPORT_TOKEN");
        assertOneLineExitTwo(Cli.run(dir, env, List.of(), "run", "--once", "--resources", "visitors"),
                "chaport.visitors", "chatload.chaport.token");
    }

    @Test
    void aBaseUrlWithoutSchemeIsAConfigurationError() throws Exception {
        assertOneLineExitTwo(Cli.run(dir, env("CHAPORT_BASE_URL", "app.chaport.com/api/v1"), List.of(), "run", "--once"),
                "chatload.chaport.base-url");
    }

    @Test
    void aBaseUrlOfAnotherSchemeIsAConfigurationError() throws Exception {
        assertOneLineExitTwo(Cli.run(dir, env("CHAPORT_BASE_URL", "ftp://app.chaport.com/api/v1"), List.of(), "run", "--once"),
                "chatload.chaport.base-url");
    }

    @Test
    void anUnknownDatabaseUrlIsAConfigurationError() throws Exception {
        assertOneLineExitTwo(Cli.run(dir, env("CHATLOAD_DB_URL", "jdbc:nosuchdb://x"), List.of(), "run", "--once"),
                "chatload.db.url");
    }

    @Test
    void anUnreachableDatabaseIsAConfigurationError() throws Exception {
        assertOneLineExitTwo(Cli.run(dir, env("CHATLOAD_DB_URL", "jdbc:postgresql://127.0.0.1:1/chatload"), List.of(),
                "run", "--once"), "chatload.db.url");
    }

    @Test
    void aBadCronInAResourceFileIsAConfigurationError() throws Exception {
        Path routes = routesWithVisitors(visitors("{name: path, value: /visitors}", "{name: paginator, value: links_next}",
                "{name: schedule, value: \"0 0 25 * * ?\"}"));
        assertOneLineExitTwo(Cli.run(dir, env("CHATLOAD_ROUTES", routes.toString()), List.of(), "run", "--once"),
                "chaport.visitors", "schedule");
    }

    @Test
    void anUnknownParameterInAResourceFileIsAConfigurationError() throws Exception {
        Path routes = routesWithVisitors(visitors("{name: path, value: /visitors}", "{name: pagintor, value: links_next}"));
        assertOneLineExitTwo(Cli.run(dir, env("CHATLOAD_ROUTES", routes.toString()), List.of(), "run", "--once"),
                "chaport.visitors", "unknown parameter 'pagintor'");
    }

    @Test
    void aResourceFileWithoutPathIsAConfigurationError() throws Exception {
        Path routes = routesWithVisitors(visitors("{name: paginator, value: links_next}"));
        assertOneLineExitTwo(Cli.run(dir, env("CHATLOAD_ROUTES", routes.toString()), List.of(), "run", "--once"),
                "chaport.visitors", "path");
    }

    @Test
    void anUnknownPaginatorIsAConfigurationError() throws Exception {
        Path routes = routesWithVisitors(visitors("{name: path, value: /visitors}", "{name: paginator, value: cursors}"));
        assertOneLineExitTwo(Cli.run(dir, env("CHATLOAD_ROUTES", routes.toString()), List.of(), "run", "--once"),
                "chaport.visitors", "paginator");
    }

    @Test
    void aLimitThatIsNotANumberIsAConfigurationError() throws Exception {
        assertOneLineExitTwo(Cli.run(dir, env(), List.of("-Dchatload.http.max-json-depth=deep"), "run", "--once"),
                "chatload.http.max-json-depth");
    }
}
