package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunRequest;
import com.unsubscribesync.ui.Console;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.Screenshots;
import com.unsubscribesync.ui.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

/** The main interaction of every screen, through the real views, headless. */
@ExtendWith(ApplicationExtension.class)
class ConsoleScreensTest {
    @TempDir
    static Path data;
    private ConsoleFixture fixture;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private Console console;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fixture = new ConsoleFixture(data, Clock.systemUTC(), 0);
        seed(fixture);
        console = new Console(fixture.services, new FxBackground(executor), dialogs, Screen.INTEGRATIONS);
        scene = console.scene(1280, 800);
        stage.setScene(scene);
        console.load();
        stage.show();
        stage.requestFocus();
    }

    /** A small living org: people, unsubscribes from several sources, a run and a few conflicts. */
    static void seed(ConsoleFixture fixture) {
        fixture.people(120, 12);
        for (int i = 0; i < 120; i += 3) {
            Email email = new Email("person" + String.format("%06d", i) + "@example.com");
            fixture.services.people().save(new Person(email, Optional.of(FIRST[i % FIRST.length]),
                    Optional.of(LAST[i % LAST.length]), i % 9 == 0 ? Optional.empty()
                            : Optional.of(TestIds.of(SObjectType.CONTACT, i))));
        }
        UnsubscribeSource[] sources = {UnsubscribeSource.CLICKED_LINK, UnsubscribeSource.MANUAL,
            UnsubscribeSource.BOUNCE, UnsubscribeSource.IMPORT};
        for (int i = 1; i < 120; i += 5) {
            fixture.services.unsubscribes().add(new Unsubscribe(new Email("person" + String.format("%06d", i)
                    + "@example.com"), Instant.parse("2024-05-01T09:00:00Z").plusSeconds(3600L * i),
                    sources[i % sources.length], "admin", i % 2 == 0 ? Optional.of("Asked by phone") : Optional.empty()));
        }
        fixture.services.nightlySync().run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
        for (int i = 2; i < 120; i += 7) {
            fixture.services.unsubscribes().add(new Unsubscribe(new Email("person" + String.format("%06d", i)
                    + "@example.com"), Instant.now(), UnsubscribeSource.CLICKED_LINK, "intake", Optional.empty()));
        }
        fixture.services.nightlySync().run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
        Instant now = Instant.now();
        fixture.services.conflicts().record(new NewConflict(ConflictKind.WRITE_REJECTED,
                Optional.of(new Email("locked@example.com")), Optional.of(TestIds.of(SObjectType.LEAD, 7)),
                Optional.of(SObjectType.LEAD), Optional.of("UNABLE_TO_LOCK_ROW"), "Salesforce kept refusing the "
                        + "opt-out after 10 attempts; last answer: UNABLE_TO_LOCK_ROW: unable to obtain exclusive access "
                        + "to this record"), now);
        fixture.services.conflicts().record(new NewConflict(ConflictKind.WRITE_REJECTED,
                Optional.of(new Email("rule@example.com")), Optional.of(TestIds.of(SObjectType.CONTACT, 9)),
                Optional.of(SObjectType.CONTACT), Optional.of("FIELD_CUSTOM_VALIDATION_EXCEPTION"), "Salesforce refused "
                        + "to set the opt-out on Contact: a validation rule requires a phone number"), now);
        fixture.services.conflicts().record(new NewConflict(ConflictKind.NOT_IN_SALESFORCE,
                Optional.of(new Email("nobody@example.com")), Optional.empty(), Optional.empty(), Optional.empty(),
                "No Lead or Contact has this address and the person has no Salesforce ID."), now);
    }

    private static final String[] FIRST = {"Ana", "Bruno", "Chloé", "Dev", "Emeka", "Fatima", "Greta"};
    private static final String[] LAST = {"Silva", "Okafor", "Martin", "Patel", "Kowalski", "Haddad", "Lindqvist"};

    @AfterEach
    void close() throws Exception {
        console.stopPolling();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        fixture.close();
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void navigationShowsEveryScreenAndTheStatusBarTellsTheState(FxRobot robot) throws Exception {
        settle();
        assertThat(robot.lookup("#breadcrumb").queryAs(Label.class).getText())
                .isEqualTo("Settings › Admin Settings › Unsubscribes › Integrations");
        assertThat(robot.lookup("#demo-badge").query().isVisible()).isTrue();
        assertThat(robot.lookup("#status-outbox").queryAs(Label.class).getText()).endsWith("waiting");
        robot.clickOn("#nav-conflicts");
        settle();
        assertThat(robot.lookup("#breadcrumb").queryAs(Label.class).getText()).endsWith("› Conflicts");
        robot.clickOn("#nav-history");
        robot.clickOn("#nav-connection");
        settle();
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText())
                .isEqualTo("Connected to the demo org as admin@test.example");
        robot.clickOn("#nav-unsubscribes");
        robot.clickOn("Unsubscribes");
        settle();
        assertThat(console.shell().screenProperty().get()).isEqualTo(Screen.UNSUBSCRIBES);
    }

    @Test
    void integrationsSaveTheToggleAndTheFieldAtOnce(FxRobot robot) throws Exception {
        settle();
        robot.clickOn((Node) robot.lookup("#nightly-sync .thumb").query());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fixture.services.settings().load().nightlySync());
        robot.clickOn("#field-marketo-sales-opt-out");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fixture.services.settings().load().field()
                == com.unsubscribesync.domain.OptOutField.MARKETO_SALES_OPT_OUT);
        settle();
        assertThat(robot.lookup("#next-run").queryAs(Label.class).getText()).doesNotContain("off");
        robot.clickOn("Show people without an ID");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogs.saw("list: People without a Salesforce ID"));
    }

    @Test
    void unsubscribesSearchAsYouTypeAndShowTheHistoryCard(FxRobot robot) throws Exception {
        robot.clickOn("#nav-unsubscribes");
        robot.clickOn("Unsubscribes");
        settle();
        javafx.scene.control.TextField search = robot.lookup("#search").queryAs(javafx.scene.control.TextField.class);
        for (String typed : new String[] {"p", "pers", "person0000", "person00001"}) {
            robot.interact(() -> search.setText(typed));
        }
        settle();
        assertThat(robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("person00001");
        assertThat(robot.lookup("#total").queryAs(Label.class).getText()).isEqualTo("3 matching \"person00001\"");
        TableView<?> table = robot.lookup("#unsubscribes").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        robot.interact(() -> table.getSelectionModel().select(0));
        ListView<?> history = robot.lookup("#history").queryAs(ListView.class);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no history; selected " + console.unsubscribes().selectedProperty().get()
                    + " title " + console.unsubscribes().historyTitleProperty().get() + " dialogs " + dialogs.shown, e);
        }
    }

    @Test
    void conflictsLeaveTheListWhenDismissedAndAppearAsResolved(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conflicts");
        settle();
        robot.clickOn("Write rejected");
        settle();
        TableView<?> open = robot.lookup("#conflicts").queryAs(TableView.class);
        assertThat(open.getItems()).hasSize(2);
        robot.clickOn("locked@example.com");
        settle();
        assertThat(robot.lookup("#conflict-detail").queryAs(Label.class).getText()).contains("UNABLE_TO_LOCK_ROW");
        robot.clickOn("#action-dismiss");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> open.getItems().size() == 1);
        settle();
        assertThat(robot.lookup("#resolved").queryAs(TableView.class).getItems()).hasSize(1);
    }

    @Test
    void syncHistoryListsRunsWithAChart(FxRobot robot) throws Exception {
        robot.clickOn("#nav-history");
        settle();
        assertThat(robot.lookup("#runs").queryAs(TableView.class).getItems()).hasSize(2);
        BarChart<?, ?> chart = robot.lookup("#runs-chart").queryAs(BarChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(2);
    }

    @Test
    void connectionLogInWithoutAClientIdSaysWhatIsMissing(FxRobot robot) throws Exception {
        robot.clickOn("#nav-connection");
        settle();
        robot.clickOn("#target-salesforce");
        robot.clickOn("#connect");
        settle();
        assertThat(dialogs.saw("error: Log in: Enter the consumer key")).isTrue();
    }

    @Test
    void everyScreenRendersToAPicture(FxRobot robot) throws Exception {
        Path directory = Path.of("target", "screenshots");
        for (Screen screen : Screen.values()) {
            robot.interact(() -> console.shell().screenProperty().set(screen));
            settle();
            if (screen == Screen.UNSUBSCRIBES) {
                robot.clickOn("person000011@example.com");
                settle();
            }
            if (screen == Screen.CONFLICTS) {
                robot.clickOn("Write rejected");
                settle();
                robot.clickOn("locked@example.com");
                settle();
            }
            Path file = directory.resolve(Screenshots.fileName(screen));
            robot.interact(() -> Screenshots.write(scene.snapshot(null), file));
            assertThat(Files.size(file)).isGreaterThan(10_000);
        }
    }

    static Node node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }
}
