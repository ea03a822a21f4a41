package com.unsubscribesync.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The program itself: with no command it opens the console window, as CLI.md says. */
@Command(
        name = "unsubscribe-sync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps sales-email unsubscribes and the Salesforce opt-out checkbox in step. "
                + "With no command, opens the console window.",
        subcommands = {
            SettingsCommand.class,
            PeopleCommand.class,
            UnsubscribeCommand.class,
            StatusCommand.class,
            SyncCommand.class,
            ConflictsCommand.class,
            ServeCommand.class,
            ConnectCommand.class,
            DisconnectCommand.class,
            LayoutCommand.class,
            LinksCommand.class
        })
public class RootCommand implements Callable<Integer> {
    private final ZoneId zone;
    private final Function<Optional<Path>, Integer> noCommand;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Data directory (default: UNSUBSCRIBE_SYNC_HOME, else the per-OS default).")
    Path dataDirectory;

    /**
     * @param zone      the admin's time zone, for times printed for people (JSON keeps UTC)
     * @param noCommand what runs when no command is given (opens the console), with the data directory option
     */
    public RootCommand(ZoneId zone, Function<Optional<Path>, Integer> noCommand) {
        this.zone = zone;
        this.noCommand = noCommand;
    }

    @Override
    public Integer call() {
        return noCommand.apply(dataDirectory());
    }

    /** The {@code --data-dir} given, wherever it stood on the command line. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** The admin's time zone. */
    public ZoneId zone() {
        return zone;
    }
}
