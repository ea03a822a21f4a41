package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.TextSize;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** At 200 % text in a 1024x700 window the settings never make their page wider than the window, saved or not. */
class SettingsFitTheWindowTest extends SeededConsoleTest {
    private double width;
    private double height;

    @AfterEach
    void giveTheStageItsSizeBack(FxRobot robot) {
        // TestFX shares one stage between tests: the next test's scene must not open in this test's window size.
        robot.interact(() -> {
            Window window = running.scene.getWindow();
            if (window != null && width > 0) {
                window.setWidth(width);
                window.setHeight(height);
                window.sizeToScene();
            }
        });
    }

    @Test
    void savedSettingsAtTwiceTheTextSizeScrollOnlyUpAndDown(FxRobot robot) throws Exception {
        SeededConsole.settle();
        robot.interact(() -> {
            width = running.scene.getWindow().getWidth();
            height = running.scene.getWindow().getHeight();
            Window window = running.scene.getWindow();
            window.setWidth(1024);
            window.setHeight(700);
            running.console.shell().textSizeProperty().set(new TextSize(26));
        });
        robot.interact(() ->
                robot.lookup("#api-reserve-percent").queryAs(TextField.class).setText("25"));
        robot.interact(
                () -> robot.lookup("#settings-save").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#settings-status")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Settings saved"));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> tooWide = new ArrayList<>();
        robot.interact(() -> {
            for (Node at = robot.lookup("#settings-save").query(); at != null; at = at.getParent()) {
                if (at instanceof ScrollPane pane && pane.getContent() != null) {
                    double needs = pane.getContent().minWidth(-1);
                    double has = pane.getViewportBounds().getWidth();
                    if (needs > has + 0.5) {
                        tooWide.add(pane.getContent().getClass().getSimpleName() + " needs " + needs + " px of " + has);
                    }
                }
            }
        });
        assertThat(tooWide).as("pages wider than their window").isEmpty();
    }
}
