package com.unsubscribesync.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app in its own JVM on a data directory, as a shell or a service manager starts it; what it prints goes to a
 * file so that a test can wait for a line without a reader thread.
 */
final class AppProcess {
    private final Process process;
    private final Path output;
    private final long startedNanos;
    private volatile long endedNanos;

    private AppProcess(Process process, Path output, long startedNanos) {
        this.process = process;
        this.output = output;
        this.startedNanos = startedNanos;
        process.onExit().thenRun(() -> endedNanos = System.nanoTime());
    }

    /** @param outputDirectory where the process's stdout and stderr are kept, named after {@code name} */
    static AppProcess start(
            Path dataDirectory, Path outputDirectory, String name, Map<String, String> env, String... args)
            throws IOException {
        List<String> appArgs = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        appArgs.addAll(List.of(args));
        // Short-lived JVMs on a busy build machine start faster without the optimising compiler.
        List<String> line = javaCommand(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), appArgs.toArray(String[]::new));
        Path output = outputDirectory.resolve(name + ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new AppProcess(builder.start(), output, started);
    }

    /** The command line that runs the app with {@code args} in a new JVM on this test run's classpath. */
    static List<String> javaCommand(List<String> jvmOptions, String... args) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(jvmOptions);
        line.add("-cp");
        line.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        line.add(Main.class.getName());
        line.addAll(List.of(args));
        return line;
    }

    /** Waits for a line starting with {@code prefix}; how long after the start it came, or empty. */
    java.util.Optional<Duration> awaitLine(String prefix, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().lines().anyMatch(line -> line.startsWith(prefix))) {
                return java.util.Optional.of(sinceStart());
            }
            if (!process.isAlive() && !output().lines().anyMatch(line -> line.startsWith(prefix))) {
                return java.util.Optional.empty();
            }
            Thread.sleep(20);
        }
        return java.util.Optional.empty();
    }

    /** The exit code; fails when the process has not ended within {@code patience}. */
    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + patience);
        }
        return process.exitValue();
    }

    /** How long it has run, or ran until it ended. */
    Duration sinceStart() {
        long ended = endedNanos;
        return Duration.ofNanos((ended == 0 ? System.nanoTime() : ended) - startedNanos);
    }

    /** SIGKILL, as the OOM killer or a power cut would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it; whether it ended within 30 s. */
    boolean stop() throws InterruptedException {
        return stops(process);
    }

    /** Sends SIGTERM; whether the process ended within 30 seconds. */
    static boolean stops(Process process) throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The app on {@code dataDirectory} in its own JVM, what it prints appended to {@code log}. */
    static Process startAppendingTo(Path log, Path dataDirectory, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        line.addAll(List.of(args));
        return new ProcessBuilder(javaCommand(List.of("-Xmx256m"), line.toArray(String[]::new)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }
}
