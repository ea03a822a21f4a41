package com.unsubscribesync.bench;

import java.util.List;

/**
 * How to run this app's command line in a process of its own, as an admin runs it: the composition root knows the
 * Java it runs on, its class path and its main class; the benchmark package does not.
 */
@FunctionalInterface
public interface AppCommandLine {
    /** The command that runs the app with these JVM options (e.g. {@code -Xmx256m}) and arguments. */
    List<String> command(List<String> jvmOptions, List<String> arguments);
}
