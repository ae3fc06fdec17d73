package io.chatload.thirdapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.badinput.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third API, a help desk that is neither Chaport nor Chatforma, loaded through the shaded jar from YAML files (this
 * test's resources, copied as a user would write them) and environment variables alone: no Java for the API, no
 * {@code -D}. The tables must equal the stub's records.
 */
class ThirdApiCliIT {

    private static final Path ROUTES = Path.of("src/test/resources/thirdapi/routes");

    @TempDir
    Path dir;

    private StubHelpdesk api;

    @BeforeEach
    void start() throws Exception {
        api = new StubHelpdesk();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** The routes folder a user would have: the helpdesk files, and any extra files a case adds. */
    private Path routes(Map<String, String> extraFiles) throws IOException {
        Path routes = dir.resolve("routes");
        try (Stream<Path> files = Files.walk(ROUTES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = routes.resolve(ROUTES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
            Path target = routes.resolve(extra.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, extra.getValue());
        }
        return routes;
    }

    private Map<String, String> env(Path routes) {
        Map<String, String> env = new HashMap<>();
        env.put("CHATLOAD_ROUTES", routes.toAbsolutePath().toString());
        env.put("CHATLOAD_HELPDESK_BASE_URL", api.baseUrl());
        env.put("CHATLOAD_HELPDESK_TOKEN", StubHelpdesk.TOKEN);
        env.put("CHATLOAD_DB_URL", "jdbc:h2:file:" + dir.resolve("chatload").toAbsolutePath());
        return env;
    }

    private List<String> query(Map<String, String> env, String sql) throws Exception {
        Cli.Result r = Cli.run(dir, env, List.of(), "sql", "--csv", sql);
        assertEquals(0, r.exit(), r.all());
        return r.out().lines().skip(1).toList();
    }

    @Test
    void ticketsWithCommentsLoadFromYamlAndEnvironmentVariablesAndEqualTheApisRecords() throws Exception {
        Map<String, String> env = env(routes(Map.of()));
        Cli.Result run = Cli.run(dir, env, List.of(), "run", "--once");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Load \\S+ COMPLETED: .*, 0 failed resources")), run.out());
        assertFalse(run.all().contains("warning:"), run.all());
        assertFalse(run.all().contains(StubHelpdesk.TOKEN), "the token is never printed");

        List<String> tickets = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (Map<String, Object> t : StubHelpdesk.tickets()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> requester = (Map<String, Object>) t.get("requester");
            tickets.add(t.get("id") + "," + t.get("subject") + "," + t.get("status") + "," + requester.get("name") + ","
                    + requester.get("email"));
            for (Object tag : (List<?>) t.get("tags")) {
                tags.add(t.get("id") + "," + tag);
            }
            for (Map<String, Object> c : StubHelpdesk.comments((Integer) t.get("id"))) {
                comments.add(t.get("id") + "," + c.get("id") + "," + c.get("body") + "," + c.get("public"));
            }
        }
        comments.sort(null);
        assertEquals(tickets, query(env, "SELECT id, subject, status, requester__name, requester__email "
                + "FROM helpdesk_data.tickets ORDER BY id"));
        assertEquals(tags, query(env, "SELECT t.id, g.value FROM helpdesk_data.tickets__tags g "
                + "JOIN helpdesk_data.tickets t ON g._dlt_parent_id = t._dlt_id ORDER BY t.id, g._dlt_list_idx"));
        List<String> loadedComments = new ArrayList<>(query(env, "SELECT ticket_id, id, body, LOWER(CAST(public AS VARCHAR)) "
                + "FROM helpdesk_data.ticket_comments ORDER BY ticket_id, id"));
        loadedComments.sort(null);
        assertEquals(comments, loadedComments);
        assertTrue(api.requests.contains(StubHelpdesk.PREFIX + "/tickets?page=3"), "the third page was followed: " + api.requests);
    }

    @Test
    void aSourceWithAMistakeIsNamedWithWhatToSetAndTheOthersLoad() throws Exception {
        String source = "- beans:\n    - name: %s\n      type: io.chatload.routes.SourceDefaults\n"
                + "      properties:\n        auth: bearer\n        paginator: %s\n";
        String resource = "- templatedRoute:\n    routeTemplateRef: chatload-resource\n    routeId: %s\n    parameters:\n"
                + "      - {name: path, value: /things}\n";
        Path routes = routes(Map.of(
                "crm/_source.yaml", source.formatted("crm", "json_link"), "crm/things.yaml", resource.formatted("crm.things"),
                "shop/_source.yaml", source.formatted("shop", "json_links"), "shop/things.yaml", resource.formatted("shop.things"),
                "wiki/_source.yaml", source.formatted("wiki", "json_link"), "wiki/things.yaml", resource.formatted("wiki.things")));
        Map<String, String> env = env(routes);
        env.put("CHATLOAD_SHOP_BASE_URL", api.baseUrl());
        env.put("CHATLOAD_SHOP_TOKEN", "x");
        env.put("CHATLOAD_WIKI_BASE_URL", api.baseUrl());
        Cli.Result run = Cli.run(dir, env, List.of(), "run", "--once");
        assertEquals(1, run.exit(), "a broken file is not a success, though the other sources loaded:\n" + run.all());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Load \\S+ COMPLETED: .*, 0 failed resources")), run.out());
        List<String> notices = run.err().lines().filter(l -> l.startsWith("notice: ")).toList();
        assertEquals(List.of(
                "notice: crm: source disabled, chatload.crm.base-url is not set: set CHATLOAD_CRM_BASE_URL (or "
                        + "chatload.crm.base-url in application.properties) to the API's base URL, e.g. https://api.example.com/v1",
                "notice: shop: source disabled, resource shop.things: unknown paginator 'json_links': use one of single_page, "
                        + "single, json_link, header_link, offset, page_number, cursor, auto, links_next, links_more",
                "notice: wiki: source disabled, chatload.wiki.token is not set (set CHATLOAD_WIKI_TOKEN in the "
                        + "environment, or chatload.wiki.token in application.properties, to load wiki)"),
                notices.stream().sorted().toList());
        assertEquals(String.valueOf(StubHelpdesk.TICKETS), query(env, "SELECT COUNT(*) FROM helpdesk_data.tickets").get(0),
                "the helpdesk loads all the same");
    }

    @Test
    void aNextPageThePaginatorDoesNotFollowIsNeverACompletedLoadWithoutAWord() throws Exception {
        Path routes = routes(Map.of());
        Path source = routes.resolve("helpdesk/_source.yaml");
        Files.writeString(source, Files.readString(source).replace("paginator: json_link", "paginator: single"));
        Cli.Result run = Cli.run(dir, env(routes), List.of(), "run", "--once");
        assertTrue(run.out().contains("warning: helpdesk.tickets: GET /api/v2/tickets names a next page (next_page) that "
                + "paginator single does not follow, so the list may be incomplete and no cursor moves"), run.out());
    }
}
