package com.unsubscribesync.app;

import com.unsubscribesync.cli.RootCommand;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;

/** Builds the command line with its collaborators and runs it. */
public final class CommandLineApp {
    public static final int KEEP_RUNNING = -1;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public CommandLineApp(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public int run(String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        return commandLine.execute(args);
    }

    Map<String, String> env() {
        return env;
    }
}
