package com.unsubscribesync.app;

import com.unsubscribesync.cli.RootCommand;

/** Entry point of the jar: with a command it runs the command line, without one it opens the console. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exit = new CommandLineApp(System.out, System.err, System.getenv()).run(args);
        if (exit != CommandLineApp.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
