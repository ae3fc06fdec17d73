package io.chatload.cli;

import io.chatload.config.ConfigException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.ObjectHelper;

/**
 * {@code java -jar chatload.jar <command>}. Exit codes: 0 success, 1 a resource (or the command's work) failed,
 * 2 usage or configuration error. No stack traces unless {@code --debug}.
 */
public final class Chatload {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new RunCommand(), new DemoCommand(), new SandboxCommand(), new ShowCommand(), new SqlCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Chatload() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean debug = args.remove("--debug");
        Logging.configure(debug);
        Console console = new Console(out, err);
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            (args.isEmpty() ? err : out).print(usage());
            return args.isEmpty() ? 2 : 0;
        }
        Command command = COMMANDS.get(args.get(0));
        try {
            if (command == null) {
                throw new UsageException("unknown command '" + args.get(0) + "' (commands: " + String.join(", ", COMMANDS.keySet()) + ")");
            }
            List<String> rest = args.subList(1, args.size());
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(command.help());
                return 0;
            }
            return command.run(command.parse(rest), console);
        } catch (UsageException e) {
            console.error(e.getMessage());
            err.println("Try: java -jar chatload.jar " + (command == null ? "--help" : command.name() + " --help"));
            return 2;
        } catch (Exception e) {
            ConfigException config = ObjectHelper.getException(ConfigException.class, e);
            console.error(config != null ? config.getMessage() : Failures.describe(e));
            if (debug) {
                e.printStackTrace(err);
            } else if (config == null) {
                err.println("(run again with --debug for the stack trace)");
            }
            return config != null ? 2 : 1;
        }
    }

    static String usage() {
        StringBuilder s = new StringBuilder("""
                chatload: load Chaport and Chatforma data into SQL, the way dlt lays it out.

                Usage: java -jar chatload.jar <command> [options]   (--help after a command for its options)

                Commands:
                """);
        for (Command c : COMMANDS.values()) {
            s.append("  ").append(c.help().lines().findFirst().orElse(c.name())).append('\n');
        }
        s.append("""

                Options for every command: --debug (verbose logs and stack traces), --help.
                Settings come from application.properties and the environment (CHAPORT_TOKEN, CHATFORMA_API_KEY,
                CHATLOAD_DB_URL, ...): see README.md.
                """);
        return s.toString();
    }
}
