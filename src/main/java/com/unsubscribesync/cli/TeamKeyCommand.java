package com.unsubscribesync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "team-key",
        description = "The key a team's nodes share to seal the team's Salesforce connection in a shared store.",
        subcommands = {TeamKeyCommand.Make.class})
public class TeamKeyCommand {

    @Command(
            name = "make",
            description = {
                "Write a new team key into FILE (readable by you only; an existing file is never overwritten).",
                "Copy it to each node and console of the team as you share secrets, and point "
                        + "UNSUBSCRIBE_SYNC_TEAM_KEY_FILE at it there (or put its text in UNSUBSCRIBE_SYNC_TEAM_KEY)."
            })
    public static class Make implements Callable<Integer> {
        private final Consumer<Path> maker;

        /** @param maker writes a new key into a file that does not exist yet */
        public Make(Consumer<Path> maker) {
            this.maker = maker;
        }

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where to write the key; must not exist yet.")
        Path file;

        @Override
        public Integer call() {
            maker.accept(file);
            spec.commandLine()
                    .getOut()
                    .println("Team key written to " + file + " (readable by you only). Copy it to each node and "
                            + "console of the team, set UNSUBSCRIBE_SYNC_TEAM_KEY_FILE to its path there, then run "
                            + "'connect' once from one of them.");
            return ExitCode.DONE;
        }
    }
}
