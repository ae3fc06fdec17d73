package io.chatload.cli;

import java.io.PrintStream;

/** Where a command writes: results to out, notices and errors to err (so that --csv output stays clean). */
record Console(PrintStream out, PrintStream err) {

    void notice(String line) {
        err.println("notice: " + line);
    }

    void error(String line) {
        err.println("error: " + line);
    }
}
