package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.TextSize;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The shell of the window (header, navigation, status bar) on a 1024x700 screen at 100 % and 200 % text: every
 * part inside the window, no text shortened, every screen reachable from the navigation.
 */
@ExtendWith(ApplicationExtension.class)
class ShellAtSmallWindowAndLargeTextTest {
    private static final List<String> SHELL = List.of(
            ".app-title",
            "#demo-badge",
            "#text-size",
            "#nav-unsubscribes",
            "#nav-conflicts",
            "#nav-history",
            "#nav-connection",
            "#nav-links",
            "#status-org",
            "#status-outbox",
            "#status-next-run",
            "#status-api");

    @TempDir
    static Path data;

    private SeededConsole running;
    private Console console;
    private Scene scene;

    private Stage stage;

    /** A window of the test's own, so the 1024x700 size does not stay with the stage other test classes share. */
    @Start
    void start(Stage primary) {
        stage = new Stage();
        running = new SeededConsole(stage, data);
        console = running.console;
        scene = running.scene;
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        running.close();
    }

    @Test
    void atNormalTextTheShellFitsA1024By700Window(FxRobot robot) {
        everyScreenShowsTheWholeShell(robot, TextSize.NORMAL);
    }

    @Test
    void atTwiceTheTextTheShellStillFitsA1024By700Window(FxRobot robot) {
        everyScreenShowsTheWholeShell(robot, new TextSize(26));
    }

    @Test
    void atTwiceTheTextTheRunsChartKeyAndAxisTitlesReadWholeInsideTheWindow(FxRobot robot) {
        robot.interact(() -> console.shell().textSizeProperty().set(new TextSize(26)));
        robot.interact(() -> console.shell().screenProperty().set(Screen.SYNC_HISTORY));
        SeededConsole.settle();
        List<Labeled> items =
                new ArrayList<>(robot.lookup("#runs-chart-key .label").queryAllAs(Labeled.class));
        assertThat(items).hasSize(2);
        for (Labeled axisTitle : robot.lookup("#runs-chart .axis-label").queryAllAs(Labeled.class)) {
            assertThat(shortened(axisTitle))
                    .as("the chart's axis title %s shortened", axisTitle.getText())
                    .isFalse();
        }
        for (Labeled item : items) {
            Bounds bounds = item.localToScene(item.getLayoutBounds());
            assertThat(shortened(item)).as("%s shortened", item.getText()).isFalse();
            assertThat(bounds.getMinX() >= 0 && bounds.getMaxX() <= scene.getWidth() + 0.5)
                    .as("%s at %s inside the window's width", item.getText(), bounds)
                    .isTrue();
        }
    }

    @Test
    void atNormalTextARefusedWritesAddressIsShownWholeBesideItsStatusCode(FxRobot robot) {
        robot.interact(() -> console.shell().screenProperty().set(Screen.CONFLICTS));
        SeededConsole.settle();
        robot.clickOn("Write rejected");
        SeededConsole.settle();
        Labeled address = robot.lookup("#conflicts .table-cell")
                .match((Labeled cell) -> "locked@example.com".equals(cell.getText()))
                .query();
        assertThat(shortened(address))
                .as("the address beside Salesforce's status code; the table scrolls sideways instead of cutting it")
                .isFalse();
    }

    private void everyScreenShowsTheWholeShell(FxRobot robot, TextSize size) {
        assertThat(scene.getWidth()).isEqualTo(1024);
        assertThat(scene.getHeight()).isEqualTo(700);
        robot.interact(() -> console.shell().textSizeProperty().set(size));
        for (Screen screen : Screen.values()) {
            robot.interact(() -> console.shell().screenProperty().set(screen));
            SeededConsole.settle();
            List<String> problems = new ArrayList<>();
            for (String id : SHELL) {
                Node node = robot.lookup(id).query();
                Bounds bounds = node.localToScene(node.getLayoutBounds());
                if (!node.isVisible()
                        || bounds.getMinX() < 0
                        || bounds.getMinY() < 0
                        || bounds.getMaxX() > scene.getWidth() + 0.5
                        || bounds.getMaxY() > scene.getHeight() + 0.5) {
                    problems.add(id + " at " + bounds);
                }
                if (node instanceof Labeled labeled && shortened(labeled)) {
                    problems.add(id + " shortened to '" + ((Text) labeled.lookup(".text")).getText() + "'");
                }
            }
            if (!problems.isEmpty()) {
                problems.add("root " + scene.getRoot().getLayoutBounds() + " header "
                        + robot.lookup(".header").query().getLayoutBounds() + " bar "
                        + robot.lookup("#status-bar").query().getLayoutBounds()
                        + " min " + ((javafx.scene.Parent) scene.getRoot()).minWidth(-1));
            }
            assertThat(problems)
                    .as("the shell on %s at %d %%", screen, size.percent())
                    .isEmpty();
        }
    }

    private static boolean shortened(Labeled labeled) {
        Node shown = labeled.lookup(".text");
        String full = labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
        return shown instanceof Text text
                && !text.getText().equals(full)
                && text.getText().endsWith(labeled.getEllipsisString());
    }
}
