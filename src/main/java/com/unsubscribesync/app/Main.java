package com.unsubscribesync.app;

/**
 * Entry point of the jar. No command (with or without {@code --data-dir DIR}) opens the console, as does
 * {@code console}; anything else is the command line.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exit = new CommandLineApp(System.out, System.err, System.getenv()).run(args);
        if (exit != CommandLineApp.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
