package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.DialogService.NewUnsubscribe;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.unsubscribes.UnsubscribesViewModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console's Add dialog refuses what the command line and an import refuse, and keeps what was typed. */
@ExtendWith(ApplicationExtension.class)
class AddDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @Test
    void aRefusedAnswerStaysInTheOpenDialogWithTheSentenceAndIsCorrectedThere(FxRobot robot) {
        FxDialogService dialogs = new FxDialogService(() -> stage, Console.STYLESHEET, url -> {});
        AtomicReference<Optional<NewUnsubscribe>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.askNewUnsubscribe(UnsubscribesViewModel::problemWith)));
        WaitForAsyncUtils.waitForFxEvents();
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
}
