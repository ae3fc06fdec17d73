package io.chatload.cli;

/** The command line is wrong: exit code 2 with this one line and a pointer to --help. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
