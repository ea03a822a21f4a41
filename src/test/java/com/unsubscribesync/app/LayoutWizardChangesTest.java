package com.unsubscribesync.app;

import static com.unsubscribesync.app.WizardWindow.answerConfirmation;
import static com.unsubscribesync.app.WizardWindow.press;
import static com.unsubscribesync.app.WizardWindow.waitIdle;
import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.layouts.LayoutWizardModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's changes to page layouts, as issue 16's admin met them: Undo, done layouts, results, help. */
@ExtendWith(ApplicationExtension.class)
class LayoutWizardChangesTest {
    private static final String CONTACT_LAYOUT = "Contact-Contact Layout";
    private static final String MSI_CONTACT_LAYOUT = "Contact-mkto_si__MSI Contact Layout";

    @TempDir
    Path data;

    private WizardWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new WizardWindow(stage, data, 1100, 760);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    private static CheckBox box(FxRobot robot, String id) {
        return robot.lookup("#choose-" + id).queryAs(CheckBox.class);
    }

    private static long metadataWrites(WizardWindow window) {
        return window.fixture.org.metadataCallsByOperation().getOrDefault("updateMetadata", 0L);
    }

    @Test
    void aSecondAddKeepsUndoWhichTakesBackTheLatestChangeThenTheOneBefore(FxRobot robot) throws Exception {
        String contactBefore = window.fixture.layoutDocument(CONTACT_LAYOUT);
        String msiBefore = window.fixture.layoutDocument(MSI_CONTACT_LAYOUT);
        LayoutWizardModel model = window.open(robot);
        press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn(box(robot, "contact-mkto-si-msi-contact-layout"));
        robot.clickOn("#add-for-me-contact");
        answerConfirmation(robot, true);
        waitIdle(model);

        robot.clickOn("#add-for-me-contact");
        answerConfirmation(robot, true);
        waitIdle(model);
        assertThat(window.fixture.layoutDocument(MSI_CONTACT_LAYOUT)).isNotEqualTo(msiBefore);
        Button undo = robot.lookup("#undo-contact").queryAs(Button.class);
        assertThat(undo.isVisible()).as("Undo stays after the second Add").isTrue();
        assertThat(robot.lookup("#undo-what-contact").queryAs(Label.class).getText())
                .contains("MSI Contact Layout (mkto_si)")
                .contains("1 more");

        robot.clickOn(undo);
        answerConfirmation(robot, true);
        waitIdle(model);
        assertThat(window.fixture.layoutDocument(MSI_CONTACT_LAYOUT)).isEqualTo(msiBefore);
        assertThat(window.fixture.layoutDocument(CONTACT_LAYOUT))
                .as("the earlier change stands")
                .isNotEqualTo(contactBefore);
        assertThat(undo.isVisible())
                .as("the earlier change can still be undone")
                .isTrue();
        assertThat(robot.lookup("#undo-what-contact").queryAs(Label.class).getText())
                .contains("Contact Layout")
                .doesNotContain("MSI");

        robot.clickOn(undo);
        answerConfirmation(robot, true);
        waitIdle(model);
        assertThat(window.fixture.layoutDocument(CONTACT_LAYOUT)).isEqualTo(contactBefore);
        assertThat(undo.isVisible()).isFalse();
    }

    @Test
    void layoutsThatNowHoldTheFieldAreShownDoneAndAddIsOffWhenNothingIsLeft(FxRobot robot) throws Exception {
        LayoutWizardModel model = window.open(robot);
        press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#add-for-me-contact");
        answerConfirmation(robot, true);
        waitIdle(model);

        for (String id : new String[] {"contact-contact-layout", "contact-mkto-si-msi-contact-layout"}) {
            CheckBox done = box(robot, id);
            assertThat(done.isSelected()).as(id + " is no longer to do").isFalse();
            assertThat(done.isDisabled()).isTrue();
            assertThat(done.getText()).endsWith("— has the field");
        }
        assertThat(robot.lookup("#add-for-me-contact").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#undo-contact").queryAs(Button.class).isVisible())
                .isTrue();
    }

    @Test
    void eachObjectsPagesShowOnlyItsOwnResult(FxRobot robot) throws Exception {
        LayoutWizardModel model = window.open(robot);
        press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#add-for-me-contact");
        answerConfirmation(robot, true);
        waitIdle(model);
        assertThat(robot.lookup("#wizard-message-contact").queryAs(Label.class).getText())
                .startsWith("Saved: the field was added to 2 layouts.");

        press(robot, ButtonData.NEXT_FORWARD);
        waitIdle(model);
        press(robot, ButtonData.NEXT_FORWARD);
        assertThat(robot.lookup("#overview-lead").tryQuery()).isPresent();
        assertThat(robot.lookup("#wizard-message-lead").queryAs(Label.class).getText())
                .isEmpty();
        press(robot, ButtonData.NEXT_FORWARD);
        assertThat(robot.lookup("#add-for-me-page-lead").tryQuery()).isPresent();
        assertThat(robot.lookup("#wizard-message-lead").queryAs(Label.class).getText())
                .doesNotContain("Saved")
                .doesNotContain("Contact");
    }

    @Test
    void theQuestionMarkOpensHelpAboutThePage(FxRobot robot) throws Exception {
        window.open(robot);
        robot.clickOn("#help-overview-contact");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#wizard-help-text").tryQuery().isPresent());
        assertThat(robot.lookup("#wizard-help-text").queryAs(Label.class).getText())
                .contains("every page layout of the object");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#help-add-for-me-page-contact");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup((Label l) -> "wizard-help-text".equals(l.getId())
                                && l.getText().contains("Undo takes back the latest change"))
                        .tryQuery()
                        .isPresent());
    }

    @Test
    void cancellingTheConfirmationNamingOrgAndLayoutsWritesNothing(FxRobot robot) throws Exception {
        LayoutWizardModel model = window.open(robot);
        press(robot, ButtonData.NEXT_FORWARD);
        long writesBefore = metadataWrites(window);
        robot.clickOn("#add-for-me-contact");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#confirm-layout-what").tryQuery().isPresent());
        assertThat(robot.lookup("#confirm-layout-what").queryAs(Label.class).getText())
                .contains("2 Contact page layouts")
                .contains("Unsubscribe Sync Local Org")
                .contains(window.fixture.org.url().replaceAll("/+$", ""));
        assertThat(robot.lookup("Contact Layout").tryQuery()).isPresent();
        assertThat(robot.lookup((Label l) -> l.getText().endsWith("MSI Contact Layout (mkto_si)"))
                        .tryQuery())
                .isPresent();
        assertThat(robot.lookup("#confirm-production-warning")
                        .queryAs(Label.class)
                        .getText())
                .contains("production org, not a sandbox");

        answerConfirmation(robot, false);
        waitIdle(model);
        assertThat(metadataWrites(window)).isEqualTo(writesBefore);
        assertThat(box(robot, "contact-contact-layout").isSelected()).isTrue();

        robot.clickOn("#add-for-me-contact");
        answerConfirmation(robot, true);
        waitIdle(model);
        assertThat(metadataWrites(window)).isEqualTo(writesBefore + 2);

        robot.clickOn("#undo-contact");
        answerConfirmation(robot, false);
        waitIdle(model);
        assertThat(metadataWrites(window)).as("Undo cancelled restores nothing").isEqualTo(writesBefore + 2);
    }

    @Test
    void aSandboxIsNamedWithoutTheProductionWarning(FxRobot robot) throws Exception {
        window.fixture.org.state().setSandbox(true);
        window.open(robot);
        press(robot, ButtonData.NEXT_FORWARD);
        robot.clickOn("#add-for-me-contact");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#confirm-layout-what").tryQuery().isPresent());
        assertThat(robot.lookup("#confirm-production-warning").tryQuery()).isEmpty();
        answerConfirmation(robot, false);
    }
}
