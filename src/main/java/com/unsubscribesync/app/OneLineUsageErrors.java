package com.unsubscribesync.app;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a command-line mistake in one line on stderr with exit code 2, as CLI.md asks, instead of picocli's
 * message followed by the whole usage text.
 */
public final class OneLineUsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        command.getErr().println(name + ": " + ex.getMessage().replace('\n', ' ') + " (see --help)");
        return 2;
    }
}
