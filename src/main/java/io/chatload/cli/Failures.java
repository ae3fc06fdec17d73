package io.chatload.cli;

/** Finds the useful part of an exception chain, for a one-line message. */
final class Failures {

    private Failures() {
    }

    /** The innermost message, first line only. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
