package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.FixedConnection;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The first-run welcome says which org the console shows: only the demo org is called the demo. */
class WelcomeNamesTheConnectedOrgTest extends WelcomedConsoleTest {
    @Test
    void aDataDirectoryConnectedToAnotherOrgIsWelcomedWithThatOrgsNameNotAsTheDemo(FxRobot robot) throws Exception {
        openWelcomed(robot, FixedConnection.realOrg("Acme Corp", "ops@acme.example"));
        assertThat(text(robot, "#welcome-demo"))
                .contains("connected to Acme Corp as ops@acme.example")
                .doesNotContainIgnoringCase("demo");
        assertThat(text(robot, "#welcome-dismiss")).isEqualTo("_Start");
    }

    @Test
    void aDataDirectoryWithoutAnOrgIsToldItIsNotConnected(FxRobot robot) throws Exception {
        openWelcomed(robot, FixedConnection.none());
        assertThat(text(robot, "#welcome-demo"))
                .startsWith("This data directory is not connected to an org yet")
                .doesNotContain("You are looking at the demo org");
    }

    @Test
    void theDemoOrgIsStillWelcomedAsTheDemo(FxRobot robot) throws Exception {
        openWelcomed(robot, FixedConnection.demo());
        assertThat(text(robot, "#welcome-demo")).startsWith("You are looking at the demo org");
        assertThat(text(robot, "#welcome-dismiss")).isEqualTo("_Explore the demo");
    }

    @Test
    void atTwiceTheTextOnA1024By700WindowTheWelcomesTitleIsWhole(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicReference<Stage> own = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            own.set(new Stage());
            running = new ConsoleOnAnOrg(own.get(), data, FixedConnection.demo(), 1024, 700);
        });
        try {
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> robot.lookup("#welcome").query().isVisible());
            robot.interact(
                    () -> running.console.shell().textSizeProperty().set(new com.unsubscribesync.ui.TextSize(26)));
            WaitForAsyncUtils.waitForFxEvents();
            Labeled title = robot.lookup(".welcome-title").queryAs(Labeled.class);
            javafx.scene.Node shown = title.lookup(".text");
            assertThat(shown).isInstanceOf(javafx.scene.text.Text.class);
            assertThat(((javafx.scene.text.Text) shown)
                            .getText()
                            .replace("\n", " ")
                            .strip())
                    .isEqualTo("Welcome to Unsubscribe Sync");
        } finally {
            robot.interact(() -> own.get().close());
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }
}
