package com.unsubscribesync.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of the command line, in-process on a data directory, with what it printed and its exit code. */
record CliRun(int exit, String out, String err) {

    static CliRun in(Path dataDirectory, String... args) {
        return in(dataDirectory, Map.of(), new ByteArrayOutputStream(), args);
    }

    /** @param stdout where standard output goes, e.g. a stream that acts on what it sees */
    static CliRun in(Path dataDirectory, Map<String, String> env, ByteArrayOutputStream stdout, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = new CommandLineApp(
                        new PrintStream(stdout, true, StandardCharsets.UTF_8),
                        new PrintStream(stderr, true, StandardCharsets.UTF_8),
                        env,
                        Clock.systemUTC())
                .run(all.toArray(String[]::new));
        return new CliRun(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** The single line on stderr: what went wrong, where, and what to do. */
    String errorLine() {
        List<String> lines = err.strip().lines().toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return lines.get(0);
    }
}
