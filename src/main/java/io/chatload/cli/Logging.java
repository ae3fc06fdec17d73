package io.chatload.cli;

/** slf4j-simple reads its settings once, at the first logger: set them before anything logs. */
final class Logging {

    private Logging() {
    }

    static void configure(boolean debug) {
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.io.chatload", "debug");
        }
    }
}
