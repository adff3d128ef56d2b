package dev.custody.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packaged custody command (the cli module's build output, named by the system property {@code
 * custody.cli.target}, by default {@code target} of the current module) run as a separate process,
 * as an operator would run it; or {@code custody bench}, the bench module's build output. Its
 * configuration folder is a fresh temporary one unless {@code env} names another.
 */
public final class CustodyProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private CustodyProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (var reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // The process ended.
            }
        });
    }

    public static CustodyProcess start(Map<String, String> env, String... args) throws IOException {
        Path target =
                Path.of(System.getProperty("custody.cli.target", "target")).toAbsolutePath();
        return start(env, target.resolve("custody.jar"), "dev.custody.cli.Main", args);
    }

    /** {@code custody bench ARGS}, run from the bench module's own build output. */
    public static CustodyProcess startBench(Map<String, String> env, String... args) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        return start(env, target.resolve("custody-bench.jar"), "dev.custody.bench.BenchCommand", args);
    }

    private static CustodyProcess start(Map<String, String> env, Path jar, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar + ":" + jar.resolveSibling("lib") + "/*",
                mainClass));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CUSTODY_PASSPHRASE");
        builder.environment().remove("CUSTODY_PASSPHRASE_FILE");
        // Never the user's own configuration folder: a first start writes its secrets there.
        builder.environment()
                .put(
                        "CUSTODY_CONFIG_HOME",
                        Files.createTempDirectory("custody-config").toString());
        builder.environment().putAll(env);
        return new CustodyProcess(builder.start());
    }

    /** Waits for a line containing {@code text} (bounded by a generous timeout) and returns it. */
    public String awaitLine(String text) throws InterruptedException {
        for (String line = next(); line != null; line = next()) {
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no line containing '" + text + "' in: " + seen);
    }

    /**
     * Like {@link #awaitLine}, but also finds a line already read by an earlier wait: for output of
     * a background task, which may come before or after the line waited for first.
     */
    public String findOrAwaitLine(String text) throws InterruptedException {
        for (String line : seen) {
            if (line.contains(text)) {
                return line;
            }
        }
        return awaitLine(text);
    }

    /** Every line read so far. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    private String next() throws InterruptedException {
        String line = lines.poll(60, TimeUnit.SECONDS);
        if (line != null) {
            seen.add(line);
        }
        return line;
    }

    /** Waits for the process to end and returns its exit status and everything it printed. */
    public Result finish() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not end: " + seen);
        }
        String line;
        // The reader thread may still be draining the last lines.
        while ((line = lines.poll(1, TimeUnit.SECONDS)) != null) {
            seen.add(line);
        }
        return new Result(process.exitValue(), String.join("\n", seen));
    }

    /**
     * Asks the process to stop (SIGTERM, as a service manager does), then {@link #finish}es with
     * what it printed while stopping: through its handle, since {@link Process#destroy} also closes
     * the pipes that output comes through.
     */
    public Result stop() throws InterruptedException {
        process.toHandle().destroy();
        return finish();
    }

    /**
     * The value of the line holding {@code label} in the file where a first start with redirected
     * output wrote its secrets; {@code output} holds the line that names that file.
     */
    public static String firstStartSecret(String output, String label) throws IOException {
        String announcement = output.lines()
                .filter(line -> line.contains(FIRST_START_FILE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no first-start secrets file named in: " + output));
        Path file = Path.of(announcement.replaceAll(".*\\) to (.*) \\(mode 0600\\).*", "$1"));
        return Files.readAllLines(file).stream()
                .filter(line -> line.contains(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + label + "' in " + file))
                .replaceAll(".*: ", "");
    }

    /** The start of the line that names the file of a first start's secrets. */
    public static final String FIRST_START_FILE = "Wrote the first operator account";

    public record Result(int exitStatus, String output) {}

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
