package com.unsubscribesync.app;

import picocli.CommandLine;

/** Runs {@code org …} in its own JVM for the process test, the way Main will once the root registers it. */
public final class OrgServeLauncher {
    private OrgServeLauncher() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new OrgCommand()).setParameterExceptionHandler(new OneLineUsageErrors())
                .execute(args);
        if (exit != CommandLineApp.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
