package com.unsubscribesync.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "unsubscribe-sync", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps sales-email unsubscribes and the Salesforce opt-out checkbox in step.",
        subcommands = {SettingsCommand.class, PeopleCommand.class, UnsubscribeCommand.class, StatusCommand.class,
                SyncCommand.class, ConflictsCommand.class, ServeCommand.class, ConnectCommand.class,
                DisconnectCommand.class, LayoutCommand.class})
public class RootCommand {
    private final Function<Optional<Path>, Workspace> opener;
    private Workspace workspace;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: UNSUBSCRIBE_SYNC_HOME, else the per-OS default).")
    Path dataDirectory;

    public RootCommand(Function<Optional<Path>, Workspace> opener) {
        this.opener = opener;
    }

    /** Opens the data directory on first use. */
    public synchronized Workspace workspace() {
        if (workspace == null) {
            workspace = opener.apply(Optional.ofNullable(dataDirectory));
        }
        return workspace;
    }

    public synchronized void closeWorkspace() {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
