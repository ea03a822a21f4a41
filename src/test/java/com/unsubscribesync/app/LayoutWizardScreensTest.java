package com.unsubscribesync.app;

import com.unsubscribesync.localorg.LocalOrg;
import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.ui.Console;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.Screenshots;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.integrations.Requirement;
import com.unsubscribesync.ui.layouts.LayoutWizard;
import com.unsubscribesync.ui.layouts.LayoutWizardModel;
import com.unsubscribesync.ui.layouts.SetupStep;
import com.unsubscribesync.ui.layouts.WizardArt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layout wizard walked through headless against the local org, opened from the Integrations checklist. */
@ExtendWith(ApplicationExtension.class)
class LayoutWizardScreensTest {
    private static final String CONTACT_LAYOUT = "Contact-Contact Layout";

    @TempDir
    Path data;
    private ConsoleFixture<LocalOrg> fixture;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final AtomicReference<LayoutWizard> wizard = new AtomicReference<>();
    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = ConsoleFixture.onLocalOrg(data);
        console = fixture.console(new FxBackground(executor), dialogs, Screen.INTEGRATIONS);
        stage.setScene(console.scene(1100, 760));
        console.load();
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        LayoutWizard shown = wizard.get();
        if (shown != null) {
            Platform.runLater(() -> shown.wizard().getDialog().close());
            WaitForAsyncUtils.waitForFxEvents();
        }
        console.stopPolling();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        fixture.close();
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the checklist's button and shows the wizard the console asked for, as the real dialogs do. */
    private LayoutWizardModel openWizard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !console.integrations().requirements().isEmpty());
        settle();
        robot.clickOn("Open the layout wizard");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogs.layoutWizard != null);
        LayoutWizardModel model = dialogs.layoutWizard;
        Platform.runLater(() -> {
            LayoutWizard shown = new LayoutWizard(model, stage, Console.STYLESHEET, opened::add);
            wizard.set(shown);
            shown.showAndWait();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#overview-contact").tryQuery()
                .isPresent());
        settle();
        return model;
    }

    private static void press(FxRobot robot, ButtonData data) {
        Button button = robot.lookup((Node n) -> n instanceof Button b && b.isVisible() && !b.isDisabled()
                && ButtonBar.getButtonData(b) == data).queryAs(Button.class);
        robot.clickOn(button);
        settle();
    }

    private static void waitIdle(LayoutWizardModel model) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        settle();
    }

    /** Every metadata write asks first (naming the org and the layouts): say yes. */
    static void confirmWrite(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-layout-change-ok").tryQuery()
                .isPresent());
        robot.clickOn("#confirm-layout-change-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Requirement fieldRequirement() {
        return console.integrations().requirements().get(1);
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Path file = Path.of("target", "screenshots", name);
        robot.interact(() -> Screenshots.write(wizard.get().wizard().getDialog().getDialogPane().getScene()
                .snapshot(null), file));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    void addItForMeShowsTheCheckTurnsTheChecklistGreenAndUndoRestoresTheLayout(FxRobot robot) throws Exception {
        String before = fixture.layoutDocument(CONTACT_LAYOUT);
        LayoutWizardModel model = openWizard(robot);
        assertThat(robot.lookup("Contact Layout — missing").tryQuery()).isPresent();
        assertThat(robot.lookup("Marketing Contact Layout — has the field (Edit)").tryQuery()).isPresent();
        assertThat(robot.lookup("MSI Contact Layout (mkto_si) — missing").tryQuery()).isPresent();
        screenshot(robot, "wizard-overview.png");

        press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#preview-contact");
        waitIdle(model);
        assertThat(robot.lookup("HasOptedOutOfEmail  ← new").tryQuery()).isPresent();
        assertThat(robot.lookup((javafx.scene.control.CheckBox box) -> box.getText()
                .equals("MSI Contact Layout (mkto_si)")).queryAs(javafx.scene.control.CheckBox.class))
                .satisfies(box -> {
                    assertThat(box.isSelected()).isTrue();
                    assertThat(box.isMnemonicParsing()).as("the underscore is shown, not a mnemonic").isFalse();
                });
        screenshot(robot, "wizard.png");
        assertThat(fixture.layoutDocument(CONTACT_LAYOUT)).isEqualTo(before);

        robot.clickOn("#add-for-me-contact");
        confirmWrite(robot);
        waitIdle(model);
        assertThat(model.of(SObjectType.CONTACT).flatMap(ObjectLayouts::onEveryLayout)).contains(true);
        press(robot, ButtonData.NEXT_FORWARD);
        waitIdle(model);
        assertThat(robot.lookup("#check-summary-contact").queryAs(Label.class).getText())
                .isEqualTo("The field is on every Contact layout.");
        assertThat(robot.lookup("Contact Layout — has the field (Edit)").tryQuery()).isPresent();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fieldRequirement().detail()
                .contains("Contact: exists, editable, on every layout"));

        press(robot, ButtonData.NEXT_FORWARD);
        press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#add-for-me-lead");
        confirmWrite(robot);
        waitIdle(model);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fieldRequirement().met());

        press(robot, ButtonData.BACK_PREVIOUS);
        press(robot, ButtonData.BACK_PREVIOUS);
        press(robot, ButtonData.BACK_PREVIOUS);
        robot.clickOn("#undo-contact");
        confirmWrite(robot);
        waitIdle(model);
        assertThat(fixture.layoutDocument(CONTACT_LAYOUT)).isEqualTo(before);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fieldRequirement().met());
    }

    @Test
    void withoutThePermissionTheWizardGivesTheAdminTextAndReportsAHiddenField(FxRobot robot) throws Exception {
        fixture.org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        fixture.org.state().setPermission(Permission.MODIFY_METADATA, false);
        fixture.org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
        LayoutWizardModel model = openWizard(robot);
        assertThat(robot.lookup("#field-warning-contact").queryAs(Label.class).getText())
                .contains("hidden from the connected user by field-level security");

        press(robot, ButtonData.NEXT_FORWARD);
        waitIdle(model);
        assertThat(robot.lookup("#ask-admin-contact").queryAs(TextArea.class).getText())
                .contains("Modify Metadata Through Metadata API Functions")
                .contains("Visible and Edit access");

        press(robot, ButtonData.NEXT_FORWARD);
        assertThat(robot.lookup("#step-contact-1").tryQuery()).isPresent();
        screenshot(robot, "wizard-step.png");
        robot.clickOn("Open Page Layouts in Setup");
        assertThat(opened).singleElement().asString().contains("/lightning/setup/ObjectManager/Contact/PageLayouts");
    }

    @Test
    void theStepPicturesRenderToFiles(FxRobot robot) throws Exception {
        for (SetupStep step : SetupStep.values()) {
            Path file = Path.of("target", "wizard", step.pictureName());
            robot.interact(() -> {
                Pane art = WizardArt.of(step, "Contact", "Email Opt Out");
                Scene scene = new Scene(art);
                Screenshots.write(art.snapshot(null, null), file);
            });
            assertThat(Files.size(file)).isGreaterThan(3_000);
        }
    }
}
