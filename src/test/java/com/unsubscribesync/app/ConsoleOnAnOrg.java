package com.unsubscribesync.app;

import com.unsubscribesync.store.Database;
import com.unsubscribesync.ui.FixedConnection;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.OrgConnections.OrgState;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console wired as the app wires it, over a fresh data directory whose connection reports the org it is given:
 * the demo org, another org or none. Opened as ConsoleApplication opens it, welcome included.
 */
final class ConsoleOnAnOrg implements AutoCloseable {
    final FixedConnection connection;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final Console console;
    final Scene scene;
    private final AppWorkspace workspace;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    ConsoleOnAnOrg(Stage stage, Path data, OrgState org, double width, double height) {
        connection = new FixedConnection(org);
        workspace = new AppWorkspace(data, Database.openInMemory("console-" + UUID.randomUUID()), Clock.systemUTC(),
                "admin", Map.of());
        console = new Console(new ConsoleWorkspace(workspace, connection, ZoneId.of("America/Chicago")),
                new FxBackground(executor), dialogs, Screen.UNSUBSCRIBES);
        scene = console.scene(width, height);
        stage.setScene(scene);
        console.load();
        console.welcomeIfFirstRun();
        stage.show();
        stage.requestFocus();
    }

    @Override
    public void close() {
        console.stopPolling();
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workspace.close();
    }
}
