package com.unsubscribesync.app;

import com.unsubscribesync.domain.PrintableText;
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
        String message = ex.getMessage() == null
                ? "bad usage"
                : ex.getMessage().replace('\r', ' ').replace('\n', ' ');
        command.getErr()
                .println("error: " + PrintableText.of(message.strip()) + " (see '"
                        + command.getCommandSpec().qualifiedName()
                        + " --help')");
        return 2;
    }
}
