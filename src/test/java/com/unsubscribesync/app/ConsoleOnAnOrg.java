package com.unsubscribesync.app;

import com.unsubscribesync.ui.FixedConnection;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.usecase.OrgState;
import java.nio.file.Path;
import javafx.stage.Stage;

/**
 * The console wired as the app wires it, over a fresh data directory whose connection reports the org it is given:
 * the demo org, another org or none. Opened as ConsoleApplication opens it, welcome included.
 */
final class ConsoleOnAnOrg extends ShownConsole<OrgState> {
    final FixedConnection connection;

    ConsoleOnAnOrg(Stage stage, Path data, OrgState org, double width, double height) {
        super(stage, ConsoleFixture.onFixedOrg(data, org), Screen.UNSUBSCRIBES, width, height, console -> {
            console.load();
            console.welcomeIfFirstRun();
        });
        connection = fixture.connection;
    }
}
