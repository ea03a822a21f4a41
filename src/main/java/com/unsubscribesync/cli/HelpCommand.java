package com.unsubscribesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND [SUBCOMMAND…]]}: the usage of the command named, however deep; picocli's own help command
 * takes only one name, so {@code help sync history} would be refused.
 */
@Command(
        name = "help",
        helpCommand = true,
        mixinStandardHelpOptions = false,
        description = "Shows the usage of a command, e.g. 'help sync history'.")
public final class HelpCommand implements IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommands) to explain.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(
            CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new ParameterException(
                        self,
                        "'" + name + "' is not a command of '"
                                + target.getCommandSpec().qualifiedName() + "'");
            }
            target = next;
        }
        target.usage(out, colors);
    }
}
