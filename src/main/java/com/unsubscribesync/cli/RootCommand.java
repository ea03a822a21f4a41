package com.unsubscribesync.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
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
            LinksCommand.class,
            ApiKeysCommand.class,
            TeamKeyCommand.class
        })
public class RootCommand implements Callable<Integer> {
    private final ZoneId zone;
    private final BiFunction<Optional<Path>, Optional<String>, Integer> noCommand;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Data directory (default: UNSUBSCRIBE_SYNC_HOME, else the per-OS default).")
    Path dataDirectory;

    @Option(
            names = "--store",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The database to keep everything in, as a JDBC URL, e.g. "
                    + "jdbc:postgresql://HOST/DATABASE?user=USER&sslmode=verify-full (default: UNSUBSCRIBE_SYNC_STORE, "
                    + "else the store chosen on the console's Connection screen, else the file in the data "
                    + "directory). Its password comes from UNSUBSCRIBE_SYNC_STORE_PASSWORD, else the one saved "
                    + "with that choice.")
    String store;

    /**
     * @param zone      the admin's time zone, for times printed for people (JSON keeps UTC)
     * @param noCommand what runs when no command is given (opens the console), with the data directory and store
     *     options
     */
    public RootCommand(ZoneId zone, BiFunction<Optional<Path>, Optional<String>, Integer> noCommand) {
        this.zone = zone;
        this.noCommand = noCommand;
    }

    @Override
    public Integer call() {
        return noCommand.apply(dataDirectory(), store());
    }

    /** The {@code --data-dir} given, wherever it stood on the command line. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** The {@code --store} given, wherever it stood on the command line. */
    public Optional<String> store() {
        return Optional.ofNullable(store);
    }

    /** The admin's time zone. */
    public ZoneId zone() {
        return zone;
    }
}
