package com.unsubscribesync.app;

import com.unsubscribesync.cli.HelpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command of the tree {@code -h}/{@code --help}, and every command with subcommands a
 * {@code help [COMMAND…]} subcommand, so that a command added later cannot miss them (CLI.md).
 */
final class EveryCommandHelps {
    private EveryCommandHelps() {}

    static void addTo(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (!spec.helpCommand()
                && !spec.subcommands().isEmpty()
                && !spec.subcommands().containsKey("help")) {
            command.addSubcommand("help", new HelpCommand());
        }
        if (spec.optionsMap().get("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build());
        }
        for (CommandLine sub : spec.subcommands().values()) {
            addTo(sub);
        }
    }
}
