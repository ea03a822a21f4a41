package com.unsubscribesync.app;

import com.unsubscribesync.usecase.OrgState;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Tests of the console as it first opens on a fresh data directory connected to a given org, welcome and all. */
@ExtendWith(ApplicationExtension.class)
abstract class WelcomedConsoleTest {
    @TempDir
    Path data;

    ConsoleOnAnOrg running;
    private Stage stage;

    /** TestFX calls only the test class's own {@code @Start} methods, so the stage is taken here instead. */
    @BeforeEach
    void takeTheStage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (running != null) {
            running.close();
        }
    }

    /** Opens the console on {@code org} and waits until the welcome shows and names the org. */
    void openWelcomed(FxRobot robot, OrgState org) throws Exception {
        robot.interact(() -> running = new ConsoleOnAnOrg(stage, data, org, 1280, 800));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#welcome").query().isVisible()
                        && !robot.lookup("#welcome-demo")
                                .queryAs(Labeled.class)
                                .getText()
                                .isEmpty());
    }
}
