package io.chatload.crash;

import io.chatload.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code java -jar chatload.jar run --once} in a child JVM, started as a user starts it (settings in the environment),
 * its output in a log file, so that the drill can kill it with SIGKILL.
 */
final class ChildLoad {
    /** The exit value of a JVM that SIGKILL ended: 128 + 9. */
    static final int KILLED = 137;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Path log;

    private ChildLoad(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildLoad start(Path jar, Path routes, SandboxServer sandbox, String dbUrl, int batchSize, Path log)
            throws IOException {
        return start(jar, routes, sandbox, dbUrl, "", batchSize, log);
    }

    static ChildLoad start(Path jar, Path routes, SandboxServer sandbox, String dbUrl, String dbUser, int batchSize,
                           Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // half the start-up time of each of the many short-lived children; no bearing on what they write
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dchatload.batch-size=" + batchSize, "-jar", jar.toString(), "run", "--once");
        ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("CHAPORT_") || k.startsWith("CHATFORMA_") || k.startsWith("CHATLOAD_"));
        env.put("CHAPORT_BASE_URL", sandbox.chaportBaseUrl());
        env.put("CHAPORT_TOKEN", sandbox.config().chaportToken());
        env.put("CHATFORMA_BASE_URL", sandbox.chatformaBaseUrl());
        env.put("CHATFORMA_API_KEY", sandbox.config().chatformaKey());
        env.put("CHAPORT_REQUESTS_PER_SECOND", "0");
        env.put("CHATFORMA_REQUESTS_PER_SECOND", "0");
        env.put("CHATLOAD_DB_URL", dbUrl);
        env.put("CHATLOAD_DB_USER", dbUser);
        env.put("CHATLOAD_ROUTES", routes.toAbsolutePath().toString());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ChildLoad(builder.start(), log);
    }

    /**
     * Waits until {@code reached} holds, or the child exits by itself first; fails after {@code timeout} without
     * either. Returns whether the child is still running.
     */
    boolean awaitWhileRunning(BooleanSupplier reached, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached.getAsBoolean()) {
            if (!process.isAlive()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the child made no progress within " + timeout + ":\n" + tail());
            }
            Thread.sleep(2);
        }
        return process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Unix), then its exit value: {@link #KILLED}, or 0 if it had just finished. */
    int kill() throws InterruptedException, IOException {
        process.destroyForcibly();
        return awaitExit(EXIT_TIMEOUT);
    }

    /** SIGTERM (Process.destroy on Unix), as a service manager stops a process; does not wait. */
    void terminate() {
        process.destroy();
    }

    boolean alive() {
        return process.isAlive();
    }

    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not exit within " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** The last lines of the child's output, for a failure message. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    Path log() {
        return log;
    }
}
