package com.unsubscribesync.cli;

/** The exit codes of the command-line contract. */
public final class ExitCode {
    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int NOT_CONNECTED = 3;

    private ExitCode() {}
}
