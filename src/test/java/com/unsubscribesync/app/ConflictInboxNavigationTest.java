package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.ui.conflicts.ConflictRow;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 16: the inbox opened on the first kind even when it was empty, jumped back there after every action, and
 * its action buttons stayed enabled with nothing selected.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictInboxNavigationTest {
    @TempDir
    Path data;

    private ConflictsConsole running;

    @Start
    void start(Stage stage) {
        running = ConflictsConsole.afterARunNotFinding(stage, data, "gone@nowhere.example", "left@nowhere.example");
        running.seed(ConflictKind.WRITE_REJECTED, "locked@example.com", TestIds.of(SObjectType.CONTACT, 3));
        running.seed(ConflictKind.RECORD_DELETED, "deleted@example.com", TestIds.of(SObjectType.LEAD, 4));
        running.open();
    }

    @AfterEach
    void close() {
        running.close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ConflictKind> kinds(FxRobot robot) {
        return robot.lookup("#conflict-kinds").queryAs(ListView.class);
    }

    @Test
    void theInboxOpensOnTheFirstKindWithPendingConflicts(FxRobot robot) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        ConflictsConsole.waitUntil(
                "the first kind with conflicts is shown", () -> open.getItems().size() == 2);
        assertThat(kinds(robot).getSelectionModel().getSelectedItem()).isEqualTo(ConflictKind.NOT_IN_SALESFORCE);
        assertThat(running.console.conflicts().kindProperty().get()).isEqualTo(ConflictKind.NOT_IN_SALESFORCE);
    }

    @Test
    void theInboxStaysOnItsKindAfterAnActionAndMovesOnOnlyWhenTheKindIsEmpty(FxRobot robot) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        ConflictsConsole.waitUntil(
                "the first kind with conflicts is shown", () -> open.getItems().size() == 2);

        ConflictsConsole.clickRow(robot, "#conflicts", "gone@nowhere.example");
        robot.clickOn("#action-dismiss");
        ConflictsConsole.waitUntil("one is left", () -> open.getItems().size() == 1);
        ConflictsConsole.waitUntil(
                "counts are read", () -> running.console.conflicts().counts().get(ConflictKind.NOT_IN_SALESFORCE) == 1);
        assertThat(kinds(robot).getSelectionModel().getSelectedItem()).isEqualTo(ConflictKind.NOT_IN_SALESFORCE);

        robot.clickOn("#kind-write-rejected");
        ConflictsConsole.waitUntil(
                "the write rejected is shown",
                () -> ConflictsConsole.emails(open).equals(java.util.List.of("locked@example.com")));
        ConflictsConsole.clickRow(robot, "#conflicts", "locked@example.com");
        robot.clickOn("#action-dismiss");

        ConflictsConsole.waitUntil(
                "the next kind with conflicts is shown",
                () -> ConflictsConsole.emails(open).equals(java.util.List.of("deleted@example.com")));
        assertThat(kinds(robot).getSelectionModel().getSelectedItem()).isEqualTo(ConflictKind.RECORD_DELETED);
    }

    @Test
    void actionButtonsAreDisabledWhileNoConflictIsSelected(FxRobot robot) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        ConflictsConsole.waitUntil(
                "the first kind with conflicts is shown", () -> open.getItems().size() == 2);
        Button dismiss = robot.lookup("#action-dismiss").queryAs(Button.class);
        Button link = robot.lookup("#action-link").queryAs(Button.class);
        assertThat(dismiss.isDisabled()).isTrue();
        assertThat(link.isDisabled()).isTrue();

        ConflictsConsole.clickRow(robot, "#conflicts", "gone@nowhere.example");
        assertThat(dismiss.isDisabled()).isFalse();
        assertThat(link.isDisabled()).isFalse();

        robot.clickOn("#action-dismiss");
        ConflictsConsole.waitUntil("one is left", () -> open.getItems().size() == 1);
        assertThat(dismiss.isDisabled()).isTrue();
        assertThat(running.dialogs.shown).isEmpty();
    }
}
