package io.chatload.cli;

import io.chatload.config.ChatloadConfig;
import io.chatload.load.Destination;
import io.chatload.load.QueryResult;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import java.util.List;
import java.util.Map;

/** {@code demo}: the sandbox APIs on loopback, one load of every resource into the configured database, a sample query. */
final class DemoCommand implements Command {

    static final String SAMPLE_QUERY = "SELECT name, email, utm__source, last_chat_at FROM chaport_data.visitors "
            + "ORDER BY last_chat_at DESC LIMIT 5";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String help() {
        return """
                demo                       load the built-in sandbox APIs into the configured database, then query it
                  Starts the sandbox on a free loopback port (seed 42, scale small), runs every resource once into
                  chatload.db.url (by default the H2 file ./chatload, so 'show' and 'sql' see it afterwards),
                  prints the load summary and a sample query. Exit 0 when the load completed.
                """;
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        args.noPositionals(name());
        // the demo shows a clean first load: team ids in chats (404 on GET /operators/{id}) are for tests and 'sandbox'
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withTeamIdsInChats(false))) {
            SandboxConfig sc = sandbox.config();
            console.out().println("Sandbox APIs on " + sandbox.baseUrl() + " (seed " + sc.seed() + ")");
            ChatloadConfig config = ChatloadConfig.load().with(Map.of(
                    "chatload.chaport.base-url", sandbox.chaportBaseUrl(),
                    "chatload.chaport.token", sc.chaportToken(),
                    "chatload.chatforma.base-url", sandbox.chatformaBaseUrl(),
                    "chatload.chatforma.api-key", sc.chatformaKey(),
                    // the sandbox has no rate limit to respect
                    "chatload.chaport.requests-per-second", "0",
                    "chatload.chatforma.requests-per-second", "0"));
            console.out().println("Loading into " + Databases.redact(config.dbUrl()));
            int exit = RunCommand.once(config, List.of(), false, console);
            if (exit != 0) {
                return exit;
            }
            console.out().println();
            console.out().println(SAMPLE_QUERY + ";");
            try (Destination destination = Databases.connect(config)) {
                QueryResult sample = destination.query(SAMPLE_QUERY, 5);
                TextTable.printAligned(console.out(), sample.columns(), sample.rows());
            }
            console.out().println();
            console.out().println("Next: " + JarCommand.get() + " show");
            console.out().println("      " + JarCommand.get() + " sql \"SELECT * FROM chaport_data.visitors LIMIT 10\"");
            console.out().println("      " + JarCommand.get() + " show --web");
            return 0;
        }
    }
}
