package com.unsubscribesync.app;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.layouts.LayoutWizard;
import com.unsubscribesync.ui.layouts.LayoutWizardModel;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console on the local org in a window, and the layout wizard opened from the Integrations checklist as the
 * real dialogs open it: for the wizard's TestFX tests.
 */
final class WizardWindow extends ShownConsole<LocalOrg> {
    final List<String> opened = new CopyOnWriteArrayList<>();
    private final AtomicReference<LayoutWizard> wizard = new AtomicReference<>();
    private final Stage stage;

    WizardWindow(Stage stage, Path data, double width, double height) throws Exception {
        super(stage, ConsoleFixture.onLocalOrg(data), Screen.INTEGRATIONS, width, height, Console::load);
        this.stage = stage;
    }

    LayoutWizardModel open(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !console.integrations().requirements().isEmpty());
        settle();
        // Fired rather than clicked: at large text the checklist may need scrolling first (not the wizard's part).
        javafx.scene.control.ButtonBase opener =
                robot.lookup("#fix-open-layout-steps").queryAs(javafx.scene.control.ButtonBase.class);
        robot.interact(opener::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogs.layoutWizard != null);
        LayoutWizardModel model = dialogs.layoutWizard;
        Platform.runLater(() -> {
            LayoutWizard shown = new LayoutWizard(model, stage, Console.STYLESHEET, opened::add);
            wizard.set(shown);
            shown.showAndWait();
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#overview-contact").tryQuery().isPresent());
        settle();
        return model;
    }

    Window window() {
        return wizard.get().wizard().getDialog().getDialogPane().getScene().getWindow();
    }

    static void settle() {
        CountedBackground.settle();
    }

    static Button wizardButton(FxRobot robot, ButtonBar.ButtonData data) {
        return robot.lookup((Node n) -> n instanceof Button b && b.isVisible() && ButtonBar.getButtonData(b) == data)
                .queryAs(Button.class);
    }

    static void press(FxRobot robot, ButtonBar.ButtonData data) {
        robot.clickOn(wizardButton(robot, data));
        settle();
    }

    static void waitIdle(LayoutWizardModel model) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        settle();
    }

    /** Answers the confirmation a metadata write asks for. */
    static void answerConfirmation(FxRobot robot, boolean yes) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#confirm-layout-change-ok").tryQuery().isPresent());
        robot.clickOn(yes ? "#confirm-layout-change-ok" : "#confirm-layout-change-cancel");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the wizard first, when one is open. */
    @Override
    public void close() {
        LayoutWizard shown = wizard.get();
        if (shown != null) {
            Platform.runLater(() -> shown.wizard().getDialog().close());
            WaitForAsyncUtils.waitForFxEvents();
        }
        super.close();
    }
}
