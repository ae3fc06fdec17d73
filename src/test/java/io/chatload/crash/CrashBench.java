package io.chatload.crash;

import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.Scale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The crash drill at benchmark scale, for {@code bench/crash/run.sh}: prints one line per run, then PASS or FAIL with
 * the figures, and exits 0 or 1. Arguments (defaults in brackets): {@code --kills N} [20], {@code --scale S} [medium],
 * {@code --latency-ms L} [2], {@code --batch-size B} [7], {@code --seed S} [1], {@code --dir D} [target/crash], which
 * is emptied first and keeps the H2 file and each run's log for a look after a FAIL. Run from the repository root,
 * after {@code mvn package}: it starts {@code target/chatload.jar} with the routes in {@code routes/}.
 */
public final class CrashBench {

    private CrashBench() {
    }

    public static void main(String[] args) throws Exception {
        int kills = 20;
        Scale scale = Scale.MEDIUM;
        long latencyMs = 2;
        int batchSize = 7;
        long seed = 1;
        Path dir = Path.of("target", "crash");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(value);
                case "--scale" -> scale = Scale.parse(value);
                case "--latency-ms" -> latencyMs = Long.parseLong(value);
                case "--batch-size" -> batchSize = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--dir" -> dir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SandboxConfig sandbox = SandboxConfig.defaults().withScale(scale).withSeed(seed).withLatencyMs(latencyMs);
        CrashDrill.Settings settings = new CrashDrill.Settings(sandbox, kills, batchSize, seed);
        System.out.println("crash drill: " + kills + " kills, scale " + scale.name().toLowerCase() + " (" + sandbox.visitors()
                + " visitors, " + sandbox.bots() + " bots), latency " + latencyMs + " ms, batch size " + batchSize
                + ", kill within " + settings.killWithinRequests() + " requests of a run's start, seed " + seed);
        emptyDir(dir);
        long started = System.nanoTime();
        try {
            CrashDrill.Result result = new CrashDrill(settings, Path.of("target", "chatload.jar").toAbsolutePath(),
                    Path.of("routes").toAbsolutePath(), dir.toAbsolutePath(), System.out::println).run();
            System.out.printf("PASS in %d s: %d kills, %d completed runs, loads interrupted (left RUNNING) %s%n",
                    seconds(started), result.kills(), result.completedRuns(), result.interruptedLoads());
            result.tables().forEach(t -> System.out.printf("  %-32s %8d rows, truth %8d%n", t.table(), t.loaded(), t.truth()));
        } catch (AssertionError e) {
            System.out.println("FAIL in " + seconds(started) + " s: " + e.getMessage());
            System.out.println("  the database and each run's log are in " + dir.toAbsolutePath());
            System.exit(1);
        }
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    private static void emptyDir(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
