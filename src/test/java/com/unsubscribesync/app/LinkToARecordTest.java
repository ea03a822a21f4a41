package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16: Link to a record was a bare ID box that took another person's Contact without a word and cut its error
 * off. Salesforce is the local org, searched through force-wsc.
 */
@ExtendWith(ApplicationExtension.class)
class LinkToARecordTest {
    private static final String PERSON = "maria.quintanilla@new-job.example";

    @TempDir
    static Path data;

    private ConsoleFixture<LocalOrg> fixture;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private Console console;
    private String contact;
    private String lead;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.onLocalOrg(data);
        contact = fixture.org.state().addContact("Maria", "Quintanilla", "maria.quintanilla@acme.example");
        lead = fixture.org.state().addLead("Maria", "Quintanilla", "m.quintanilla@globex.example", "Globex");
        fixture.org.state().addContact("Pat", "Other_Name", "pat%other@acme.example");
        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(
                        new Email(PERSON), Instant.now(), UnsubscribeSource.MANUAL, "admin", Optional.empty()));
        fixture.workspace
                .conflicts()
                .record(
                        new NewConflict(
                                ConflictKind.NOT_IN_SALESFORCE,
                                Optional.of(new Email(PERSON)),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                "No Lead or Contact has this address and the " + "person has no Salesforce ID."),
                        Instant.now());
        console = fixture.console(new FxBackground(executor), dialogs, Screen.CONFLICTS);
        stage.setScene(console.scene(1024, 700));
        console.load();
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void close() {
        console.stopPolling();
        executor.shutdownNow();
        fixture.close();
    }

    private void startLinking(FxRobot robot) {
        TableView<?> open = robot.lookup("#conflicts").queryAs(TableView.class);
        ConflictsConsole.waitUntil(
                "the conflict is shown", () -> open.getItems().size() == 1);
        ConflictsConsole.clickRow(robot, "#conflicts", PERSON);
        robot.clickOn("#action-link");
        ConflictsConsole.waitUntil(
                "the panel opens", () -> robot.lookup("#link-panel").query().isVisible());
    }

    @SuppressWarnings("unchecked")
    private static TableView<PersonMatch> matches(FxRobot robot) {
        return robot.lookup("#link-matches").queryAs(TableView.class);
    }

    @Test
    void searchingByNameListsContactsAndLeadsWithNameObjectEmailAndIdForTwoApiCalls(FxRobot robot) {
        startLinking(robot);
        ConflictsConsole.waitUntil(
                "the first search ends", () -> !label(robot, "#link-status").startsWith("Searching"));
        int before = fixture.org.apiCallsUsed();

        robot.doubleClickOn("#link-search").eraseText(PERSON.length()).write("QUINTANILLA");
        robot.clickOn("#link-search-button");

        TableView<PersonMatch> matches = matches(robot);
        ConflictsConsole.waitUntil(
                "both records are found", () -> matches.getItems().size() == 2);
        assertThat(fixture.org.apiCallsUsed() - before).isBetween(1, 2);
        assertThat(matches.getItems())
                .extracting(m -> m.id().value())
                .containsExactlyInAnyOrder(
                        SalesforceId.parse(contact).value(),
                        SalesforceId.parse(lead).value());
        assertThat(matches.getItems()).allSatisfy(m -> assertThat(m.name()).isEqualTo("Maria Quintanilla"));
        assertThat(robot.from(matches).lookup("Contact").tryQuery()).isPresent();
        assertThat(robot.from(matches).lookup("Lead").tryQuery()).isPresent();
        assertThat(robot.from(matches).lookup("maria.quintanilla@acme.example").tryQuery())
                .isPresent();
        assertThat(label(robot, "#link-status")).isEqualTo("2 matches for \"QUINTANILLA\".");

        robot.doubleClickOn("#link-search").eraseText(11).write("%other");
        robot.clickOn("#link-search-button");
        ConflictsConsole.waitUntil(
                "a wildcard matches only itself",
                () -> matches.getItems().size() == 1
                        && matches.getItems().get(0).email().orElse("").equals("pat%other@acme.example"));
    }

    @Test
    void choosingARecordWithAnotherAddressWarnsAndItOpensInSalesforceBeforeTheLink(FxRobot robot) {
        startLinking(robot);
        robot.doubleClickOn("#link-search").eraseText(PERSON.length()).write("quintanilla");
        robot.clickOn("#link-search-button");
        TableView<PersonMatch> matches = matches(robot);
        ConflictsConsole.waitUntil(
                "both records are found", () -> matches.getItems().size() == 2);
        assertThat(robot.lookup("#link-confirm").queryAs(Button.class).isDisabled())
                .isTrue();

        ConflictsConsole.clickRow(robot, "#link-matches", "maria.quintanilla@acme.example");

        assertThat(label(robot, "#link-warning"))
                .contains("has the address maria.quintanilla@acme.example, not " + PERSON);
        assertThat(robot.lookup("#link-warning").query().isVisible()).isTrue();
        robot.clickOn("#link-open");
        String url = "/" + SalesforceId.parse(contact).value();
        ConflictsConsole.waitUntil("the record opens", () -> dialogs.saw("open: " + fixture.org.url()));
        assertThat(dialogs.shown)
                .anySatisfy(s -> assertThat(s).startsWith("open: http").endsWith(url));

        robot.clickOn("#link-confirm");

        ConflictsConsole.waitUntil(
                "the person is linked",
                () -> fixture.workspace
                        .people()
                        .find(new Email(PERSON))
                        .flatMap(p -> p.salesforceId())
                        .isPresent());
        assertThat(fixture.workspace.people().find(new Email(PERSON)).get().salesforceId())
                .contains(SalesforceId.parse(contact));
        assertThat(fixture.workspace.conflicts().open(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aWrongOrUnknownIdTypedByHandIsRefusedInOneWholeSentence(FxRobot robot) {
        startLinking(robot);
        robot.clickOn("#link-id").write("003XYZ");
        robot.clickOn("#link-check");
        ConflictsConsole.waitUntil(
                "the ID is refused", () -> !label(robot, "#link-error").isEmpty());
        Label error = robot.lookup("#link-error").queryAs(Label.class);
        assertThat(error.getText())
                .startsWith("Salesforce ID '003XYZ'")
                .endsWith(".")
                .doesNotContain("\n");
        assertWhole(robot, error);

        String unknown = "0035g00000ZZZZZ";
        robot.doubleClickOn("#link-id").eraseText(6).write(unknown);
        robot.clickOn("#link-check");
        ConflictsConsole.waitUntil(
                "the unknown ID is refused", () -> label(robot, "#link-error").contains("visible"));
        assertThat(error.getText())
                .isEqualTo(
                        "No live Contact with ID " + SalesforceId.parse(unknown).value()
                                + " is visible in the connected org: check the ID in Salesforce, or search by email or name.");
        assertWhole(robot, error);
        assertThat(robot.lookup("#link-confirm").queryAs(Button.class).isDisabled())
                .isTrue();
    }

    private static void assertWhole(FxRobot robot, Label label) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.Text shown = robot.from(label)
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.text.Text)
                .queryAs(javafx.scene.text.Text.class);
        assertThat(shown.getText()).as("not cut off").isEqualTo(label.getText());
        assertThat(label.getHeight()).isGreaterThanOrEqualTo(label.prefHeight(label.getWidth()) - 0.5);
    }

    private static String label(FxRobot robot, String id) {
        String text = robot.lookup(id).queryAs(Label.class).getText();
        return text == null ? "" : text;
    }
}
