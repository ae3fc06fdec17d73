package io.chatload.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shaded jar run as a user runs it, in a working folder, with only the environment a case gives. */
public final class Cli {

    public static final Path JAR = Path.of(System.getProperty("chatload.jar", "target/chatload.jar")).toAbsolutePath();

    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    /** {@code jvmOptions} go before {@code -jar} (e.g. {@code -Dchatload.http.max-attempts=2}). */
    public static Result run(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CHAPORT_") || k.startsWith("CHATFORMA_") || k.startsWith("CHATLOAD_"));
        pb.environment().put("CHATLOAD_ROUTES", Path.of("routes").toAbsolutePath().toString());
        pb.environment().put("CHATLOAD_ROUTES_SHIPPED", "false"); // a test's folder is all it loads
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chatload " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
