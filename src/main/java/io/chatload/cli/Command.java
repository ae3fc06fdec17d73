package io.chatload.cli;

import java.util.List;
import java.util.Set;

/** One sub-command: its help text, the flags it accepts, and what it does. Returns the process exit code. */
interface Command {

    String name();

    /** The whole --help text; the first line is the synopsis. */
    String help();

    /** Flags that take a value ({@code --port 8089}); none by default. */
    default Set<String> valueFlags() {
        return Set.of();
    }

    /** Flags that stand alone ({@code --once}); none by default. */
    default Set<String> switchFlags() {
        return Set.of();
    }

    int run(Args args, Console console) throws Exception;

    default Args parse(List<String> argv) {
        return Args.parse(name(), argv, valueFlags(), switchFlags());
    }
}
