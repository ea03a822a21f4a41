package com.unsubscribesync.app;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.sync.RunRequest;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The console at 1024x700 over an in-memory org, for the conflict inbox's tests; the test seeds it. */
final class ConflictsConsole extends ShownConsole<InMemoryOrg> {
    ConflictsConsole(Stage stage, Path data, Screen first) {
        super(stage, withPeople(ConsoleFixture.inMemory(data, Clock.systemUTC(), 0)), first, 1024, 700, console -> {});
    }

    /** On the Conflicts screen after a run that did not find any of {@code notInTheOrg}, unsubscribed before it. */
    static ConflictsConsole afterARunNotFinding(Stage stage, Path data, String... notInTheOrg) {
        ConflictsConsole running = new ConflictsConsole(stage, data, Screen.CONFLICTS);
        for (String address : notInTheOrg) {
            running.unsubscribe(address);
        }
        running.run();
        return running;
    }

    /** A conflict of {@code kind} for one record, as if a run had met it. */
    void seed(ConflictKind kind, String email, SalesforceId record) {
        fixture.workspace
                .conflicts()
                .record(
                        new NewConflict(
                                kind,
                                Optional.of(new Email(email)),
                                Optional.of(record),
                                Optional.of(record.objectType()),
                                kind == ConflictKind.WRITE_REJECTED
                                        ? Optional.of("UNABLE_TO_LOCK_ROW")
                                        : Optional.empty(),
                                "seeded for the test"),
                        Instant.now());
    }

    private static ConsoleFixture<InMemoryOrg> withPeople(ConsoleFixture<InMemoryOrg> fixture) {
        fixture.people(20, 0);
        return fixture;
    }

    /** Reads everything, as the console does when the window opens. */
    void open() {
        WaitForAsyncUtils.asyncFx(console::load);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void unsubscribe(String address) {
        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(
                        new Email(address), Instant.now(), UnsubscribeSource.MANUAL, "admin", Optional.empty()));
    }

    RunReport run() {
        return fixture.workspace
                .nightlySync()
                .run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
    }

    void showConflicts(FxRobot robot) {
        robot.interact(() -> console.shell().screenProperty().set(Screen.UNSUBSCRIBES));
        robot.interact(() -> console.shell().screenProperty().set(Screen.CONFLICTS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    static TableView<com.unsubscribesync.ui.conflicts.ConflictRow> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** Clicks the row of this table showing the text (other screens' tables may show it too). */
    static void clickRow(FxRobot robot, String table, String text) {
        robot.clickOn(robot.from(robot.lookup(table).queryAll()).lookup(text).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static List<String> emails(TableView<com.unsubscribesync.ui.conflicts.ConflictRow> table) {
        return table.getItems().stream()
                .map(com.unsubscribesync.ui.conflicts.ConflictRow::email)
                .toList();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
