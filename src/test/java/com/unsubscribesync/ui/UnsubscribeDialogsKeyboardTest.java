package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.DialogService.NewUnsubscribe;
import com.unsubscribesync.ui.DialogService.ResubscribeAnswer;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.unsubscribes.UnsubscribesViewModel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Add and Resubscribe dialogs as an admin types into them; Add refuses what the command line and an import refuse
 * and keeps what was typed.
 */
@ExtendWith(ApplicationExtension.class)
class UnsubscribeDialogsKeyboardTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @Test
    void anInvalidAddressDisablesAddAndShowsTheSentenceUnderTheFieldKeepingWhatWasTyped(FxRobot robot)
            throws Exception {
        AtomicReference<Optional<NewUnsubscribe>> answer = openAddDialog(robot);
        TextField email = robot.lookup("#add-email").queryAs(TextField.class);
        Node add = robot.lookup("#add-confirm").query();
        assertThat(add.isDisabled()).as("nothing typed yet").isTrue();

        robot.clickOn(email).write("bob example.com");
        robot.clickOn("#add-reason").write("asked by phone");
        WaitForAsyncUtils.waitForFxEvents();

        Label refusal = robot.lookup("#add-refusal").queryAs(Label.class);
        assertThat(add.isDisabled()).isTrue();
        assertThat(refusal.isVisible()).isTrue();
        assertThat(refusal.getText()).startsWith("Not added: email 'bob example.com' contains a space");
        Bounds field = email.localToScene(email.getLayoutBounds());
        Bounds sentence = refusal.localToScene(refusal.getLayoutBounds());
        Node reason = robot.lookup("#add-reason").query();
        assertThat(sentence.getMinY()).as("under the email field").isGreaterThanOrEqualTo(field.getMaxY());
        assertThat(sentence.getMaxY())
                .as("above the reason")
                .isLessThanOrEqualTo(
                        reason.localToScene(reason.getLayoutBounds()).getMinY());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).as("Enter does not close it either").isNull();

        robot.interact(() -> email.setText("bob@example.com"));
        assertThat(add.isDisabled()).isFalse();
        assertThat(refusal.isVisible()).isFalse();
        robot.clickOn(add);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).contains(new NewUnsubscribe("bob@example.com", "asked by phone"));
    }

    @Test
    void aRefusedAnswerStaysInTheOpenDialogWithTheSentenceAndIsCorrectedThere(FxRobot robot) throws Exception {
        AtomicReference<Optional<NewUnsubscribe>> answer = openAddDialog(robot);
        TextField email = robot.lookup("#add-email").queryAs(TextField.class);
        TextField reason = robot.lookup("#add-reason").queryAs(TextField.class);
        Button add = robot.lookup((Node node) -> node instanceof Button button && "Add".equals(button.getText()))
                .queryButton();

        robot.interact(() -> {
            email.setText("bo\u200bb@example.com");
            reason.setText("asked by phone");
            add.fire();
        });

        assertThat(answer.get()).isNull();
        assertThat(robot.lookup("#add-refusal").queryAs(Label.class).getText())
                .isEqualTo("Not added: email "
                        + "'bo\\u200bb@example.com' contains an invisible character (U+200B zero width space): remove it and "
                        + "type the address again.");
        assertThat(email.getText()).isEqualTo("bo\u200bb@example.com");
        assertThat(reason.getText()).isEqualTo("asked by phone");

        robot.interact(() -> {
            email.setText("bob@example.com");
            add.fire();
        });

        assertThat(answer.get()).contains(new NewUnsubscribe("bob@example.com", "asked by phone"));
    }

    @Test
    void tabInTheResubscribeReasonMovesToTheButtonsAndEveryControlIsReachedByKeyboard(FxRobot robot) throws Exception {
        FxDialogService dialogs = dialogs();
        AtomicReference<Optional<ResubscribeAnswer>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.askResubscribe("ann@example.com")));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#resubscribe-reason").tryQuery().isPresent());
        TextArea reason = robot.lookup("#resubscribe-reason").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, reason::isFocused);

        robot.clickOn(reason).write("asked by phone");
        // The buttons follow the platform's order (Cancel before Resubscribe on Linux); Tab visits each in turn.
        java.util.List<String> visited = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            visited.add(reason.getScene().getFocusOwner().getId());
        }
        assertThat(reason.getText()).isEqualTo("asked by phone");
        assertThat(visited)
                .as("Tab order from the reason")
                .containsExactlyInAnyOrder("resubscribe-confirm", "resubscribe-cancel", "resubscribe-reason")
                .last()
                .isEqualTo("resubscribe-reason");

        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reason.getScene().getFocusOwner().getId())
                .as("Shift+Tab leaves the reason backwards")
                .isEqualTo(visited.get(1));
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reason.isFocused()).isTrue();
        assertThat(reason.getText()).doesNotContain("\t");
        while (!robot.lookup("#resubscribe-confirm").query().isFocused()) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).contains(new ResubscribeAnswer("asked by phone"));
    }

    /** Opens the Add dialog as the Unsubscribes screen does; its answer lands in the reference when it closes. */
    private AtomicReference<Optional<NewUnsubscribe>> openAddDialog(FxRobot robot) throws Exception {
        FxDialogService dialogs = dialogs();
        AtomicReference<Optional<NewUnsubscribe>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.askNewUnsubscribe(UnsubscribesViewModel::problemWith)));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> robot.lookup("#add-email").tryQuery().isPresent());
        return answer;
    }

    private FxDialogService dialogs() {
        return new FxDialogService(() -> stage, Console.STYLESHEET, url -> {});
    }
}
