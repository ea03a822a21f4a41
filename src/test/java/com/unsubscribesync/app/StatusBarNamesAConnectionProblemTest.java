package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.FixedConnection;
import com.unsubscribesync.usecase.OrgState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar tells a saved connection that cannot be read or reached from no connection at all: "Not connected"
 * would send the admin to connect again, and a new sign-in would replace a connection that only needs a network.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarNamesAConnectionProblemTest {
    @TempDir
    Path data;

    private Stage stage;
    private ConsoleOnAnOrg running;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (running != null) {
            running.close();
        }
    }

    private String statusAfterOpening(FxRobot robot, OrgState org) throws Exception {
        robot.interact(() -> running = new ConsoleOnAnOrg(stage, data, org, 1280, 800));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#status-api")
                        .queryAs(Labeled.class)
                        .getText()
                        .isEmpty());
        return robot.lookup("#status-org").queryAs(Labeled.class).getText();
    }

    @Test
    void aSavedConnectionThatCannotBeReadIsAProblemToLookAtNotAMissingConnection(FxRobot robot) throws Exception {
        String shown = statusAfterOpening(
                robot,
                OrgState.notConnected(
                        Optional.of("the saved Salesforce connection cannot be read: its key file is " + "missing")));

        assertThat(shown).isEqualTo("Connection problem: see Connection");
    }

    @Test
    void aDataDirectoryThatWasNeverConnectedSaysSo(FxRobot robot) throws Exception {
        assertThat(statusAfterOpening(robot, FixedConnection.none())).isEqualTo("Not connected");
    }
}
