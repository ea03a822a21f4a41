package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.ui.conflicts.ConflictRow;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16: a dismiss or a resolve in the inbox could not be taken back. */
@ExtendWith(ApplicationExtension.class)
class ConflictUndoTest {
    @TempDir
    Path data;

    private ConflictsConsole running;

    @Start
    void start(Stage stage) {
        running = ConflictsConsole.afterARunNotFinding(stage, data, "gone@nowhere.example");
        running.seed(ConflictKind.WRITE_REJECTED, "locked@example.com", TestIds.of(SObjectType.CONTACT, 3));
        running.open();
    }

    @AfterEach
    void close() {
        running.close();
    }

    @Test
    void undoBringsADismissedConflictBackExactlyAsItWas(FxRobot robot) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        ConflictsConsole.waitUntil(
                "the conflict is shown", () -> open.getItems().size() == 1);
        Conflict before = only(ConflictKind.NOT_IN_SALESFORCE);

        ConflictsConsole.clickRow(robot, "#conflicts", "gone@nowhere.example");
        robot.clickOn("#action-dismiss");
        ConflictsConsole.waitUntil(
                "the undo is offered",
                () -> robot.lookup("#undo").queryAs(Button.class).isVisible());
        assertThat(robot.lookup("#undo-message").queryAs(Label.class).getText())
                .isEqualTo("Dismiss: gone@nowhere.example.");
        assertThat(running.fixture
                        .workspace
                        .conflicts()
                        .find(before.id())
                        .orElseThrow()
                        .open())
                .isFalse();

        robot.clickOn("#undo");

        ConflictsConsole.waitUntil(
                "it is pending again",
                () -> ConflictsConsole.emails(open).equals(java.util.List.of("gone@nowhere.example")));
        assertThat(running.fixture.workspace.conflicts().find(before.id())).contains(before);
        assertThat(robot.lookup("#undo-message").queryAs(Label.class).getText())
                .isEqualTo("Undone: 1 conflict is pending again.");
        assertThat(robot.lookup("#undo").queryAs(Button.class).isVisible()).isFalse();
        assertThat(ConflictsConsole.table(robot, "#resolved").getItems()).isEmpty();
    }

    @Test
    void undoOfAResolveBringsTheConflictBackOnItsOwnKind(FxRobot robot) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        ConflictsConsole.waitUntil(
                "the conflict is shown", () -> open.getItems().size() == 1);
        Conflict before = only(ConflictKind.WRITE_REJECTED);
        robot.clickOn("#kind-write-rejected");
        ConflictsConsole.waitUntil(
                "the write rejected is shown",
                () -> ConflictsConsole.emails(open).equals(java.util.List.of("locked@example.com")));

        ConflictsConsole.clickRow(robot, "#conflicts", "locked@example.com");
        robot.clickOn("#action-retry");
        ConflictsConsole.waitUntil(
                "the undo is offered",
                () -> robot.lookup("#undo").queryAs(Button.class).isVisible());
        robot.clickOn("#nav-unsubscribes");
        robot.clickOn("#nav-conflicts");
        ConflictsConsole.waitUntil(
                "the inbox moved on",
                () -> ConflictsConsole.emails(open).equals(java.util.List.of("gone@nowhere.example")));

        robot.clickOn("#undo");

        ConflictsConsole.waitUntil(
                "it is pending again",
                () -> ConflictsConsole.emails(open).equals(java.util.List.of("locked@example.com")));
        assertThat(running.console.conflicts().kindProperty().get()).isEqualTo(ConflictKind.WRITE_REJECTED);
        assertThat(running.fixture.workspace.conflicts().find(before.id())).contains(before);
    }

    private Conflict only(ConflictKind kind) {
        return running.fixture.workspace.conflicts().open(Optional.of(kind), 10).get(0);
    }
}
