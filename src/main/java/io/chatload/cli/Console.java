package io.chatload.cli;

import io.chatload.text.PrintableText;
import java.io.PrintStream;

/**
 * Where a command writes: results to out, notices and errors to err (so that --csv output stays clean). A notice or
 * an error may quote the API or the database (a message, a value): it is escaped so that it stays one harmless line.
 */
record Console(PrintStream out, PrintStream err) {

    void notice(String line) {
        err.println("notice: " + PrintableText.escape(line));
    }

    void error(String line) {
        err.println("error: " + PrintableText.escape(line));
    }
}
