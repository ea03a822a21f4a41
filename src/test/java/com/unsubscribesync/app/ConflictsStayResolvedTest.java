package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.conflicts.ConflictRow;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16: a dismissed conflict came back on the next run, listed as resolved and pending at once. */
@ExtendWith(ApplicationExtension.class)
class ConflictsStayResolvedTest {
    private static final String GONE = "gone@nowhere.example";
    private static final String LEFT = "left@nowhere.example";

    @TempDir
    Path data;

    private ConflictsConsole running;

    @Start
    void start(Stage stage) {
        running = ConflictsConsole.afterARunNotFinding(stage, data, GONE, LEFT);
        running.open();
    }

    @AfterEach
    void close() {
        running.close();
    }

    @Test
    void aDismissedConflictStaysResolvedAfterTheNextRunAndTheInboxEmptiesWhenAllIsHandled(FxRobot robot) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        ConflictsConsole.waitUntil(
                "both addresses are pending", () -> open.getItems().size() == 2);
        dismiss(robot, GONE);

        running.run();
        running.showConflicts(robot);

        TableView<ConflictRow> resolved = ConflictsConsole.table(robot, "#resolved");
        ConflictsConsole.waitUntil(
                "the run's result is shown", () -> resolved.getItems().size() == 1);
        assertThat(ConflictsConsole.emails(open)).containsExactly(LEFT);
        assertThat(ConflictsConsole.emails(resolved)).containsExactly(GONE);
        assertThat(running.fixture.workspace.conflicts().open(Optional.empty(), 10))
                .hasSize(1);

        dismiss(robot, LEFT);
        running.run();
        running.showConflicts(robot);

        ConflictsConsole.waitUntil(
                "both are resolved", () -> resolved.getItems().size() == 2);
        assertThat(open.getItems()).isEmpty();
        assertThat(running.fixture.workspace.conflicts().openCountsByKind().values())
                .containsOnly(0L);
        assertThat(running.console.conflicts().counts().values()).containsOnly(0L);
    }

    @Test
    void aDismissedConflictIsRaisedAgainAfterANewUnsubscribeAndIsThenOnlyPending(FxRobot robot) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        ConflictsConsole.waitUntil(
                "both addresses are pending", () -> open.getItems().size() == 2);
        dismiss(robot, GONE);
        running.fixture.workspace.resubscriber().resubscribe(new Email(GONE), "asked to hear from us", "admin", false);
        running.unsubscribe(GONE);

        RunReport report = running.run();
        running.showConflicts(robot);

        assertThat(report.conflicts()).isEqualTo(1);
        ConflictsConsole.waitUntil("it is pending again", () -> open.getItems().size() == 2);
        assertThat(ConflictsConsole.emails(ConflictsConsole.table(robot, "#resolved")))
                .doesNotContain(GONE);
    }

    @Test
    void previewCountsOnlyTheConflictsTheRunWouldRaise(FxRobot robot) {
        robot.interact(() -> running.console.shell().screenProperty().set(Screen.INTEGRATIONS));
        robot.clickOn("#preview");
        ConflictsConsole.waitUntil("the preview is shown", () -> running.dialogs.saw("list: Preview"));
        assertThat(running.dialogs.saw("Conflicts that would arise: 0"))
                .as(running.dialogs.shown.toString())
                .isTrue();

        running.unsubscribe("new@nowhere.example");
        running.dialogs.shown.clear();
        robot.clickOn("#preview");
        ConflictsConsole.waitUntil("the preview is shown", () -> running.dialogs.saw("list: Preview"));
        assertThat(running.dialogs.saw("Conflicts that would arise: 1"))
                .as(running.dialogs.shown.toString())
                .isTrue();
        assertThat(running.dialogs.saw("new@nowhere.example")).isTrue();
        assertThat(running.dialogs.saw(GONE)).isFalse();

        assertThat(running.run().conflicts()).isEqualTo(1);
        assertThat(running.fixture.workspace.conflicts().open(Optional.of(ConflictKind.NOT_IN_SALESFORCE), 10))
                .hasSize(3);
    }

    private void dismiss(FxRobot robot, String address) {
        TableView<ConflictRow> open = ConflictsConsole.table(robot, "#conflicts");
        int before = open.getItems().size();
        ConflictsConsole.clickRow(robot, "#conflicts", address);
        robot.clickOn("#action-dismiss");
        ConflictsConsole.waitUntil(
                address + " is dismissed", () -> open.getItems().size() == before - 1);
    }
}
