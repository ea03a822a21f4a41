package com.unsubscribesync.app;

import com.unsubscribesync.cli.ApiKeysCommand;
import com.unsubscribesync.cli.ConflictsCommand;
import com.unsubscribesync.cli.ConnectCommand;
import com.unsubscribesync.cli.DisconnectCommand;
import com.unsubscribesync.cli.LayoutCommand;
import com.unsubscribesync.cli.LinksCommand;
import com.unsubscribesync.cli.PeopleCommand;
import com.unsubscribesync.cli.ServeCommand;
import com.unsubscribesync.cli.SettingsCommand;
import com.unsubscribesync.cli.StatusCommand;
import com.unsubscribesync.cli.SyncCommand;
import com.unsubscribesync.cli.TeamKeyCommand;
import com.unsubscribesync.cli.UnsubscribeCommand;
import com.unsubscribesync.salesforce.TeamKey;
import com.unsubscribesync.store.SyncRun;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds each command with only the services it uses. The data directory is opened when a command first asks for a
 * service, after the command line (and its {@code --data-dir}) was read; help never opens it.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Supplier<AppWorkspace> workspace;
    private final Map<Class<?>, Supplier<?>> commands = new HashMap<>();

    /** @param closing closes the data directory, for {@code serve} when it is stopped */
    CommandFactory(Supplier<AppWorkspace> workspace, Runnable closing) {
        this.workspace = workspace;
        var connection = opened(AppWorkspace::connectOrg);
        var settings = opened(AppWorkspace::changeSettings);
        var unsubscribes = opened(AppWorkspace::recordUnsubscribe);
        var list = opened(AppWorkspace::unsubscribeList);
        var conflicts = opened(AppWorkspace::resolveConflict);
        var overview = opened(AppWorkspace::overview);
        var sync = opened(opened -> opened.runSync(SyncRun.Origin.COMMAND_LINE));
        var layouts = opened(AppWorkspace::layouts);
        commands.put(SettingsCommand.Show.class, () -> new SettingsCommand.Show(settings));
        commands.put(SettingsCommand.Set.class, () -> new SettingsCommand.Set(settings));
        commands.put(PeopleCommand.Import.class, () -> new PeopleCommand.Import(opened(AppWorkspace::importPeople)));
        commands.put(UnsubscribeCommand.Add.class, () -> new UnsubscribeCommand.Add(unsubscribes));
        commands.put(UnsubscribeCommand.Import.class, () -> new UnsubscribeCommand.Import(unsubscribes));
        commands.put(
                UnsubscribeCommand.Remove.class,
                () -> new UnsubscribeCommand.Remove(opened(AppWorkspace::resubscribe), connection));
        commands.put(UnsubscribeCommand.ListCommand.class, () -> new UnsubscribeCommand.ListCommand(list));
        commands.put(UnsubscribeCommand.History.class, () -> new UnsubscribeCommand.History(list));
        commands.put(
                StatusCommand.class,
                () -> new StatusCommand(overview, connection, opened(AppWorkspace::runningServes)));
        commands.put(SyncCommand.Run.class, () -> new SyncCommand.Run(sync, connection));
        commands.put(SyncCommand.Push.class, () -> new SyncCommand.Push(sync, connection));
        commands.put(SyncCommand.History.class, () -> new SyncCommand.History(overview));
        commands.put(ConflictsCommand.ListCommand.class, () -> new ConflictsCommand.ListCommand(conflicts));
        commands.put(ConflictsCommand.Resolve.class, () -> new ConflictsCommand.Resolve(conflicts));
        commands.put(ServeCommand.class, () -> new ServeCommand(opened(opened -> opened.serving(closing))));
        commands.put(ConnectCommand.class, () -> new ConnectCommand(connection));
        commands.put(DisconnectCommand.class, () -> new DisconnectCommand(connection));
        commands.put(LayoutCommand.Check.class, () -> new LayoutCommand.Check(layouts));
        commands.put(LayoutCommand.Install.class, () -> new LayoutCommand.Install(layouts));
        commands.put(LayoutCommand.Undo.class, () -> new LayoutCommand.Undo(layouts));
        var links = opened(AppWorkspace::links);
        commands.put(LinksCommand.Make.class, () -> new LinksCommand.Make(links));
        commands.put(LinksCommand.RotateKey.class, () -> new LinksCommand.RotateKey(links));
        var apiKeys = opened(AppWorkspace::apiKeys);
        commands.put(TeamKeyCommand.Make.class, () -> new TeamKeyCommand.Make(TeamKey::make));
        commands.put(ApiKeysCommand.Create.class, () -> new ApiKeysCommand.Create(apiKeys));
        commands.put(ApiKeysCommand.Revoke.class, () -> new ApiKeysCommand.Revoke(apiKeys));
        commands.put(ApiKeysCommand.ListCommand.class, () -> new ApiKeysCommand.ListCommand(apiKeys));
    }

    /** A service of the data directory, opened on first use. */
    private <T> Supplier<T> opened(Function<AppWorkspace, T> service) {
        return () -> service.apply(workspace.get());
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Supplier<?> command = commands.get(type);
        return command == null ? CommandLine.defaultFactory().create(type) : type.cast(command.get());
    }
}
