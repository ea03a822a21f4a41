package com.unsubscribesync.app;

import static com.unsubscribesync.app.WizardWindow.press;
import static com.unsubscribesync.app.WizardWindow.waitIdle;
import static com.unsubscribesync.app.WizardWindow.wizardButton;
import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.TextSize;
import com.unsubscribesync.ui.layouts.LayoutWizardModel;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What the wizard's checks cost in API calls, and the wizard at 1024x700 with 200 % text. */
@ExtendWith(ApplicationExtension.class)
class LayoutWizardCallsAndSizeTest {
    /** Describe, permissions, one listing of both objects, one read of up to ten layouts. */
    private static final int A_FEW = 4;

    @TempDir
    Path data;

    private WizardWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new WizardWindow(stage, data, 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    private int calls() {
        return window.fixture.org.apiCallsUsed();
    }

    @Test
    void checkNowCostsAFewCallsAndSaysHowManyAndWalkingThePagesCostsNone(FxRobot robot) throws Exception {
        LayoutWizardModel model = window.open(robot);
        int walking = calls();
        for (int page = 0; page < 8; page++) {
            press(robot, ButtonData.NEXT_FORWARD);
            waitIdle(model);
        }
        assertThat(robot.lookup("#check-page-contact").tryQuery()).isPresent();
        press(robot, ButtonData.BACK_PREVIOUS);
        press(robot, ButtonData.NEXT_FORWARD);
        waitIdle(model);
        assertThat(calls() - walking)
                .as("moving between pages reuses what was read")
                .isZero();

        for (int i = 0; i < 3; i++) {
            int before = calls();
            robot.clickOn("#check-now-contact");
            waitIdle(model);
            int cost = calls() - before;
            assertThat(cost).isBetween(1, A_FEW);
            assertThat(robot.lookup("#wizard-message-contact")
                            .queryAs(Label.class)
                            .getText())
                    .isEqualTo("Checked just now: " + cost + " API calls.");
        }
    }

    @Test
    void atTwiceTheTextIn1024By700EveryPageKeepsItsButtonsInView(FxRobot robot) throws Exception {
        // 200 % of the normal 13 px, or the largest the console allows if that is less
        TextSize twice = new TextSize(2 * TextSize.NORMAL.pixels());
        robot.interact(() -> window.console.shell().textSizeProperty().set(twice));
        LayoutWizardModel model = window.open(robot);
        Window wizard = window.window();
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(wizard.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        assertThat(wizard.getHeight()).isLessThanOrEqualTo(screen.getHeight());
        robot.interact(() -> {
            wizard.setWidth(1024);
            wizard.setHeight(700);
        });
        WizardWindow.settle();
        List<String> pages = new java.util.ArrayList<>();
        for (String object : List.of("contact", "lead")) {
            pages.addAll(List.of("overview-" + object, "add-for-me-page-" + object));
            for (int step = 1; step <= 6; step++) {
                pages.add("step-" + object + "-" + step);
            }
            pages.add("check-page-" + object);
        }
        for (String page : pages) {
            waitIdle(model);
            robot.interact(() -> com.unsubscribesync.ui.shell.Screenshots.write(
                    wizard.getScene().snapshot(null),
                    Path.of("target", "screenshots", "wizard-1024x700-large-text-" + page + ".png")));
            assertThat(robot.lookup("#" + page).tryQuery())
                    .as(page + " (showing "
                            + robot.lookup(".wizard-page").queryAll().stream()
                                    .map(Node::getId)
                                    .toList() + ")")
                    .isPresent();
            Node content = robot.lookup("#" + page).query();
            assertThat(wizard.getWidth()).as(page + " keeps the window's width").isEqualTo(1024);
            assertThat(wizard.getHeight())
                    .as(page + " keeps the window's height")
                    .isEqualTo(700);
            assertThat(content.getStyle())
                    .as("the text size follows the console")
                    .contains(twice.pixels() + "px");
            inView(wizard, robot.lookup("#help-" + page).query(), page + " help");
            inView(wizard, wizardButton(robot, ButtonData.CANCEL_CLOSE), page + " Cancel");
            if (!page.equals("check-page-lead")) {
                inView(wizard, wizardButton(robot, ButtonData.NEXT_FORWARD), page + " Next");
            }
            ScrollPane scroll = (ScrollPane) content.lookup(".wizard-scroll");
            assertThat(scroll.getViewportBounds().getHeight())
                    .as(page + " shows its content")
                    .isGreaterThan(150);
            if (!page.equals("check-page-lead")) {
                press(robot, ButtonData.NEXT_FORWARD);
            }
        }
    }

    private static void inView(Window window, Node node, String what) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        assertThat(bounds.getMinX()).as(what).isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMinY()).as(what).isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMaxX())
                .as(what)
                .isLessThanOrEqualTo(window.getScene().getWidth());
        assertThat(bounds.getMaxY())
                .as(what)
                .isLessThanOrEqualTo(window.getScene().getHeight());
    }
}
