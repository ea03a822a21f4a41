package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.RunRecord;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.TextSize;
import com.unsubscribesync.ui.history.RecordRow;
import com.unsubscribesync.ui.history.RunRow;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16: "A run cannot be opened to see which records it pushed and imported; console and command-line runs
 * look alike." The Sync history screen opens a run (double-click, Enter, Open run) and lists its records with links
 * into Salesforce, and every run says where it came from.
 */
@ExtendWith(ApplicationExtension.class)
class RunDetailScreenTest {
    private static final String INSTANCE = "https://test.example";

    @TempDir
    static Path data;

    private final List<String> browsed = new CopyOnWriteArrayList<>();
    private ScriptedDialogs dialogs;
    private ShownConsole<InMemoryOrg> shown;
    private ConsoleFixture<InMemoryOrg> fixture;
    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = ConsoleFixture.inMemory(data, Clock.systemUTC(), 0);
        SeededConsole.seed(fixture);
        for (int i : new int[] {3, 8, 13}) {
            fixture.workspace
                    .unsubscribes()
                    .add(new Unsubscribe(
                            new Email("person" + String.format("%06d", i) + "@example.com"),
                            Instant.now(),
                            UnsubscribeSource.MANUAL,
                            "admin",
                            Optional.empty()));
        }
        shown = new ShownConsole<>(
                stage, fixture, Screen.INTEGRATIONS, 1024, 700, Optional.of(browsed::add), Console::load);
        console = shown.console;
        dialogs = shown.dialogs;
    }

    @AfterEach
    void close() {
        shown.close();
    }

    @Test
    void aRunStartedInTheConsoleSaysSoAndOpensOnTheRecordsItPushedWithLinksIntoSalesforce(FxRobot robot)
            throws Exception {
        int before = fixture.workspace.syncRuns().recent(100, false).size();
        robot.clickOn("#run-now");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> fixture.workspace.syncRuns().recent(100, false).size() == before + 1
                        && fixture.workspace.syncRuns().last().orElseThrow().outcome() != SyncRun.Outcome.RUNNING);
        robot.clickOn("#nav-history");
        TableView<RunRow> runs = table(robot, "#runs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == before + 1);
        RunRow newest = runs.getItems().get(0);
        assertThat(newest.trigger()).isEqualTo("Run now · Console");
        assertThat(newest.pushed()).isEqualTo(3);
        assertThat(runs.getItems().get(1).trigger())
                .as("the seeded runs did not say where they came from")
                .isEqualTo("Run now");

        Button open = robot.lookup("#open-run").queryAs(Button.class);
        assertThat(open.isDisabled()).as("nothing selected, nothing to open").isTrue();
        robot.interact(() -> runs.getSelectionModel().select(0));
        assertThat(open.getText()).isEqualTo("Open run #" + newest.id());
        robot.clickOn("#open-run");

        TableView<RecordRow> pushed = table(robot, "#run-pushed");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pushed.getItems().size() == 3);
        assertThat(robot.lookup("#run-title").queryAs(Label.class).getText())
                .isEqualTo("Run #" + newest.id() + " — Run now · Console — Succeeded");
        assertThat(robot.lookup("#run-summary").queryAs(Label.class).getText())
                .contains("pushed 3")
                .matches("Started .* \\d\\d:\\d\\d:\\d\\d CE[S]?T.*");
        assertThat(pushed.getItems())
                .extracting(RecordRow::email)
                .containsExactlyInAnyOrder(
                        "person000003@example.com", "person000008@example.com", "person000013@example.com");
        assertThat(pushed.getItems()).allSatisfy(row -> {
            assertThat(row.object()).isEqualTo("Contact");
            assertThat(row.url()).contains(INSTANCE + "/" + row.recordId());
        });

        Hyperlink link = robot.lookup("#run-pushed .record-link").queryAs(Hyperlink.class);
        robot.clickOn(link);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> browsed.size() == 1);
        assertThat(browsed.get(0)).isEqualTo(INSTANCE + "/" + link.getText());

        robot.clickOn("#run-back");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#runs").tryQuery().isPresent()
                        && robot.lookup("#run-detail").tryQuery().isEmpty());
    }

    @Test
    void doubleClickAndEnterOpenARunAndItsFailuresShowWhatSalesforceSaidAndHowManyMoreThereWere(FxRobot robot)
            throws Exception {
        long id = recordedServeRun();
        TableView<RunRow> runs = historyWithLatest(robot, id);
        assertThat(runs.getItems().get(0).trigger()).isEqualTo("Nightly · Serve");
        assertThat(runs.getItems().get(0).failed()).isEqualTo(1);

        Node firstRow = robot.lookup("#runs .table-row-cell").nth(0).query();
        robot.doubleClickOn(firstRow, MouseButton.PRIMARY);
        TableView<RecordRow> failed = table(robot, "#run-failed");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> failed.getItems().size() == 1);
        assertThat(failed.getItems().get(0).status())
                .isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION: a validation " + "rule requires a phone number");
        assertThat(robot.lookup("#run-pushed-more").queryAs(Label.class).getText())
                .isEqualTo("… and 249,998 more (a run keeps the first 1,000 of each list)");
        TabPane lists = robot.lookup("#run-lists").queryAs(TabPane.class);
        assertThat(lists.getTabs())
                .extracting(tab -> tab.getText())
                .containsExactly("Pushed (250,000)", "Imported (0)", "Failed (1)");
        assertWithinWindow(robot.lookup("#run-back").query());
        assertWithinWindow(lists);

        robot.clickOn("#run-back");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#run-detail").tryQuery().isEmpty());
        robot.interact(() -> {
            runs.getSelectionModel().select(0);
            runs.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#run-detail").tryQuery().isPresent());
        assertThat(robot.lookup("#run-title").queryAs(Label.class).getText()).startsWith("Run #" + id + " — ");

        robot.interact(() -> lists.getSelectionModel().select(2));
        robot.interact(() -> {
            failed.getSelectionModel().select(0);
            failed.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> browsed.size() == 1);
        assertThat(browsed.get(0)).isEqualTo("https://acme.my.salesforce.com/" + TestIds.of(SObjectType.CONTACT, 9));
    }

    @Test
    void atTheLargestTextTheOpenButtonAndTheRunsListsStayInsideA1024By700Window(FxRobot robot) throws Exception {
        long id = recordedServeRun();
        robot.interact(() -> console.shell().textSizeProperty().set(new TextSize(26)));
        TableView<RunRow> runs = historyWithLatest(robot, id);
        robot.interact(() -> runs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertWithinWindow(robot.lookup("#open-run").query());
        Button open = robot.lookup("#open-run").queryAs(Button.class);
        assertThat(open.getWidth()).as("'Open run #N' whole").isGreaterThanOrEqualTo(open.prefWidth(-1));

        // At double text the page scrolls inside the window; the button is scrolled into sight, as an admin does.
        PageRobot.click(robot, "#open-run");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#run-detail").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertWithinWindow(robot.lookup("#run-back").query());
        assertWithinWindow(robot.lookup("#run-title").query());
        Button back = robot.lookup("#run-back").queryAs(Button.class);
        assertThat(back.getWidth()).as("'← All runs' whole, not '…'").isGreaterThanOrEqualTo(back.prefWidth(-1));
        TableView<?> pushed = robot.lookup("#run-pushed").queryAs(TableView.class);
        // The page scrolls inside the window at double text; the records keep room for several rows.
        assertThat(pushed.getHeight())
                .as("room for the records, not squeezed to nothing")
                .isGreaterThan(150);
        double columns = pushed.getColumns().stream()
                .mapToDouble(column -> column.getWidth())
                .sum();
        assertThat(columns).as("every column as wide as what it shows").isGreaterThan(pushed.getWidth());
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> pushed.lookupAll(".scroll-bar").stream()
                        .anyMatch(bar -> ((javafx.scene.control.ScrollBar) bar).getOrientation()
                                        == javafx.geometry.Orientation.HORIZONTAL
                                && bar.isVisible()));
        assertThat(pushed.lookupAll(".scroll-bar"))
                .as("so the table scrolls sideways instead of cutting them off")
                .anySatisfy(bar -> {
                    assertThat(((javafx.scene.control.ScrollBar) bar).getOrientation())
                            .isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
                    assertThat(bar.isVisible()).isTrue();
                });
    }

    /** A nightly run of serve with a quarter of a million pushes and one refusal, as the store keeps it. */
    private long recordedServeRun() {
        var runs = fixture.workspace.syncRuns();
        Instant started = Instant.now();
        long id = runs.start(
                SyncRun.Trigger.SCHEDULE,
                SyncRun.Origin.SERVE,
                Optional.of("https://acme.my.salesforce.com"),
                false,
                started);
        List<RunRecord> records = new ArrayList<>();
        records.add(RunRecord.pushed(TestIds.of(SObjectType.LEAD, 1), Optional.of(new Email("a@example.com"))));
        records.add(RunRecord.pushed(TestIds.of(SObjectType.LEAD, 2), Optional.of(new Email("b@example.com"))));
        records.add(RunRecord.failed(
                TestIds.of(SObjectType.CONTACT, 9),
                Optional.of(new Email("rule@example.com")),
                "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                "a validation rule requires a phone number"));
        runs.finish(
                id,
                SyncRun.Outcome.SUCCEEDED,
                new SyncRun.Counts(300_000, 250_000, 0, 1, 2_400),
                1,
                records,
                Optional.empty(),
                Optional.empty(),
                started.plusSeconds(1800));
        return id;
    }

    private void assertWithinWindow(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        assertThat(bounds.getMaxX())
                .as(node.getId() + " right edge")
                .isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(bounds.getMaxY())
                .as(node.getId() + " bottom edge")
                .isLessThanOrEqualTo(stage.getScene().getHeight());
        assertThat(bounds.getMinY()).isGreaterThanOrEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** Opens Sync history and waits until run {@code id} heads the list of runs. */
    private static TableView<RunRow> historyWithLatest(FxRobot robot, long id) throws Exception {
        robot.clickOn("#nav-history");
        TableView<RunRow> runs = table(robot, "#runs");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !runs.getItems().isEmpty() && runs.getItems().get(0).id() == id);
        return runs;
    }
}
