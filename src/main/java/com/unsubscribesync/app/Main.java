package com.unsubscribesync.app;

import java.util.Arrays;

/**
 * Entry point of the jar: without arguments it opens the console; {@code console [--data-dir DIR]
 * [--screenshots DIR]} opens it with options; anything else is the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("console")) {
            ConsoleLauncher.main(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int exit = new CommandLineApp(System.out, System.err, System.getenv()).run(args);
        if (exit != CommandLineApp.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
