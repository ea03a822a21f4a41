package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.ui.integrations.Requirement;
import com.unsubscribesync.ui.layouts.LayoutWizardModel;
import com.unsubscribesync.ui.layouts.SetupStep;
import com.unsubscribesync.ui.layouts.WizardArt;
import com.unsubscribesync.ui.shell.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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

    private WizardWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new WizardWindow(stage, data, 1100, 760);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private Requirement fieldRequirement() {
        return window.console.integrations().requirements().get(1);
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Path file = Path.of("target", "screenshots", name);
        robot.interact(() -> Screenshots.write(window.window().getScene().snapshot(null), file));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    void addItForMeShowsTheCheckTurnsTheChecklistGreenAndUndoRestoresTheLayout(FxRobot robot) throws Exception {
        String before = window.fixture.layoutDocument(CONTACT_LAYOUT);
        LayoutWizardModel model = window.open(robot);
        assertThat(robot.lookup("Contact Layout — missing").tryQuery()).isPresent();
        assertThat(robot.lookup("Marketing Contact Layout — has the field (Edit)")
                        .tryQuery())
                .isPresent();
        assertThat(robot.lookup("MSI Contact Layout (mkto_si) — missing").tryQuery())
                .isPresent();
        screenshot(robot, "wizard-overview.png");

        WizardWindow.press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#preview-contact");
        WizardWindow.waitIdle(model);
        assertThat(robot.lookup("HasOptedOutOfEmail  ← new").tryQuery()).isPresent();
        assertThat(robot.lookup((javafx.scene.control.CheckBox box) ->
                                box.getText().equals("MSI Contact Layout (mkto_si)"))
                        .queryAs(javafx.scene.control.CheckBox.class))
                .satisfies(box -> {
                    assertThat(box.isSelected()).isTrue();
                    assertThat(box.isMnemonicParsing())
                            .as("the underscore is shown, not a mnemonic")
                            .isFalse();
                });
        screenshot(robot, "wizard.png");
        assertThat(window.fixture.layoutDocument(CONTACT_LAYOUT)).isEqualTo(before);

        robot.clickOn("#add-for-me-contact");
        WizardWindow.answerConfirmation(robot, true);
        WizardWindow.waitIdle(model);
        assertThat(model.of(SObjectType.CONTACT).flatMap(ObjectLayouts::onEveryLayout))
                .contains(true);
        WizardWindow.press(robot, ButtonData.NEXT_FORWARD);
        WizardWindow.waitIdle(model);
        assertThat(robot.lookup("#check-summary-contact").queryAs(Label.class).getText())
                .isEqualTo("The field is on every Contact layout.");
        assertThat(robot.lookup("Contact Layout — has the field (Edit)").tryQuery())
                .isPresent();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> fieldRequirement().detail().contains("Contact: exists, editable, on every layout"));

        WizardWindow.press(robot, ButtonData.NEXT_FORWARD);
        WizardWindow.press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#add-for-me-lead");
        WizardWindow.answerConfirmation(robot, true);
        WizardWindow.waitIdle(model);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fieldRequirement().met());

        WizardWindow.press(robot, ButtonData.BACK_PREVIOUS);
        WizardWindow.press(robot, ButtonData.BACK_PREVIOUS);
        WizardWindow.press(robot, ButtonData.BACK_PREVIOUS);
        robot.clickOn("#undo-contact");
        WizardWindow.answerConfirmation(robot, true);
        WizardWindow.waitIdle(model);
        assertThat(window.fixture.layoutDocument(CONTACT_LAYOUT)).isEqualTo(before);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !fieldRequirement().met());
    }

    @Test
    void withoutThePermissionTheWizardGivesTheAdminTextAndReportsAHiddenField(FxRobot robot) throws Exception {
        window.fixture.org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        window.fixture.org.state().setPermission(Permission.MODIFY_METADATA, false);
        window.fixture.org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
        LayoutWizardModel model = window.open(robot);
        assertThat(robot.lookup("#field-warning-contact").queryAs(Label.class).getText())
                .contains("hidden from the connected user by field-level security");

        WizardWindow.press(robot, ButtonData.NEXT_FORWARD);
        WizardWindow.waitIdle(model);
        assertThat(robot.lookup("#ask-admin-contact").queryAs(TextArea.class).getText())
                .contains("Modify Metadata Through Metadata API Functions")
                .contains("Visible and Edit access");

        WizardWindow.press(robot, ButtonData.NEXT_FORWARD);
        assertThat(robot.lookup("#step-contact-1").tryQuery()).isPresent();
        screenshot(robot, "wizard-step.png");
        robot.clickOn("Open Page Layouts in Setup");
        assertThat(window.opened)
                .singleElement()
                .asString()
                .contains("/lightning/setup/ObjectManager/Contact/PageLayouts");
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
