package com.unsubscribesync.app;

import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.conflicts.ConflictsViewModel;
import com.unsubscribesync.ui.connection.ConnectionViewModel;
import com.unsubscribesync.ui.connection.StoreViewModel;
import com.unsubscribesync.ui.history.RunDetailViewModel;
import com.unsubscribesync.ui.history.SyncHistoryViewModel;
import com.unsubscribesync.ui.intake.IntakeViewModel;
import com.unsubscribesync.ui.integrations.IntegrationsViewModel;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.shell.ShellViewModel;
import com.unsubscribesync.ui.unsubscribes.UnsubscribesViewModel;
import com.unsubscribesync.ui.welcome.WelcomeMemory;
import com.unsubscribesync.ui.welcome.WelcomeViewModel;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the console's screens over one open data directory, each with the services it uses. */
final class ConsoleWiring {
    private ConsoleWiring() {}

    /** Links into Salesforce show their address in a dialog: for windows without a system browser (tests). */
    static Console console(
            AppWorkspace workspace, ZoneId zone, Background background, DialogService dialogs, Screen first) {
        return console(workspace, zone, background, dialogs, first, url -> dialogs.info("Record in Salesforce", url));
    }

    /**
     * @param zone    the admin's own time zone, in which times are shown
     * @param browser opens a page (a record in Salesforce) in the system browser
     */
    static Console console(
            AppWorkspace workspace,
            ZoneId zone,
            Background background,
            DialogService dialogs,
            Screen first,
            Consumer<String> browser) {
        var connectOrg = workspace.connectOrg();
        var overview = workspace.overview();
        ShellViewModel shell = new ShellViewModel(connectOrg, overview, zone, background, first);
        IntegrationsViewModel integrations = integrations(workspace, zone, background, dialogs);
        ConnectionViewModel connection = new ConnectionViewModel(
                connectOrg,
                background,
                dialogs,
                () -> {
                    shell.refreshStatus();
                    integrations.refresh();
                },
                Optional.of(new StoreViewModel(workspace.chooseStore(), background, dialogs)));
        WelcomeViewModel welcome =
                new WelcomeViewModel(new WelcomeMemory(workspace.dataDirectory()), connectOrg, background, () -> {
                    connection.showGuide();
                    shell.screenProperty().set(Screen.CONNECTION);
                });
        Console console = new Console(new Console.Screens(
                shell,
                unsubscribes(workspace, zone, background, dialogs),
                integrations,
                conflicts(workspace, zone, background, dialogs),
                new SyncHistoryViewModel(overview, zone, background, dialogs),
                new RunDetailViewModel(overview, zone, background, dialogs, browser),
                connection,
                welcome,
                intake(workspace, zone, background, dialogs)));
        console.follow(workspace.database().changes());
        return console;
    }

    static IntakeViewModel intake(AppWorkspace workspace, ZoneId zone, Background background, DialogService dialogs) {
        return new IntakeViewModel(
                new IntakeViewModel.Uses(
                        () -> workspace.runningServes().stream()
                                .flatMap(serve -> serve.intake().stream())
                                .toList(),
                        workspace.overview(),
                        workspace.apiKeys(),
                        workspace.links()),
                workspace.dataDirectory(),
                zone,
                background,
                dialogs);
    }

    static UnsubscribesViewModel unsubscribes(
            AppWorkspace workspace, ZoneId zone, Background background, DialogService dialogs) {
        return new UnsubscribesViewModel(
                workspace.unsubscribeList(),
                workspace.recordUnsubscribe(),
                workspace.resubscribe(),
                workspace.connectOrg(),
                zone,
                background,
                dialogs);
    }

    static IntegrationsViewModel integrations(
            AppWorkspace workspace, ZoneId zone, Background background, DialogService dialogs) {
        return new IntegrationsViewModel(
                new IntegrationsViewModel.Uses(
                        workspace.changeSettings(),
                        workspace.overview(),
                        workspace.connectOrg(),
                        workspace.layouts(),
                        workspace.importPeople(),
                        workspace.runSync(SyncRun.Origin.CONSOLE)),
                workspace.clock(),
                zone,
                background,
                dialogs);
    }

    static ConflictsViewModel conflicts(
            AppWorkspace workspace, ZoneId zone, Background background, DialogService dialogs) {
        return new ConflictsViewModel(workspace.resolveConflict(), workspace.layouts(), zone, background, dialogs);
    }
}
