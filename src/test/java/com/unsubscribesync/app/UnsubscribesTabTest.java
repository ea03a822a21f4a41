package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.ui.DialogService.ResubscribeAnswer;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.TextSize;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.unsubscribes.UnsubscribeRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Unsubscribes tab at 1024x700, as an admin found it: each defect of issue 16 reproduced through the window. */
@ExtendWith(ApplicationExtension.class)
class UnsubscribesTabTest {
    private static final Email MARIA = new Email("maria.castillo@example.com");
    private static final SalesforceId MARIA_CONTACT = TestIds.of(SObjectType.CONTACT, 41);

    @TempDir
    Path data;

    @TempDir
    Path exports;

    private ConsoleFixture<InMemoryOrg> fixture;
    private ShownConsole<InMemoryOrg> shown;
    private ScriptedDialogs dialogs;
    private Console console;
    private Scene scene;
    private TableView<UnsubscribeRow> table;

    @Start
    void start(Stage stage) {
        fixture = ConsoleFixture.inMemory(data, Clock.systemUTC(), 0);
        for (String address : List.of("ann@example.com", "bo@example.com", "cy@example.com", MARIA.value())) {
            fixture.workspace
                    .unsubscribes()
                    .add(new Unsubscribe(
                            new Email(address),
                            Instant.parse("2026-03-01T09:00:00Z"),
                            UnsubscribeSource.MANUAL,
                            "admin",
                            address.startsWith("ann")
                                    ? Optional.of("=HYPERLINK(\"http://x\"), said \"no\"")
                                    : Optional.empty()));
        }
        fixture.workspace
                .people()
                .save(new Person(MARIA, Optional.of("María"), Optional.of("Castillo"), Optional.of(MARIA_CONTACT)));
        fixture.org.add(MARIA_CONTACT, MARIA, true);
        shown = new ShownConsole<>(stage, fixture, Screen.UNSUBSCRIBES, 1024, 700, Console::load);
        console = shown.console;
        scene = shown.scene;
        dialogs = shown.dialogs;
    }

    @AfterEach
    void close() {
        shown.close();
    }

    @Test
    void anUnsubscribeAddedWhileAnotherScreenIsShownIsListedWhenTheListIsShownAgain(FxRobot robot) throws Exception {
        listed(robot, 4);
        robot.clickOn("#nav-conflicts");
        CountedBackground.settle();

        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(
                        new Email("late@example.com"),
                        Instant.now(),
                        UnsubscribeSource.MANUAL,
                        "admin",
                        Optional.empty()));
        // Long past the console's gathering of changes (250 ms) and the reads they start.
        Thread.sleep(1500);
        CountedBackground.settle();
        assertThat(table.getItems()).as("not read again while hidden").hasSize(4);

        robot.clickOn("#nav-unsubscribes");
        listed(robot, 5);
        assertThat(table.getItems()).extracting(UnsubscribeRow::email).contains("late@example.com");
    }

    @Test
    void afterAResubscribeTheCardTheSelectionAndResubscribeStayOnThatPersonOnly(FxRobot robot) throws Exception {
        listed(robot, 4);
        select(robot, "bo@example.com");
        dialogs.answer(new ResubscribeAnswer("asked by phone"));
        robot.clickOn("#resubscribe");
        until(() -> !fixture.workspace.unsubscribes().isUnsubscribed(new Email("bo@example.com"))
                && console.unsubscribes().cardProperty().get() != null
                && !console.unsubscribes().cardProperty().get().unsubscribed());

        assertThat(table.getSelectionModel().getSelectedItem().email()).isEqualTo("bo@example.com");
        assertThat(title(robot)).isEqualTo("History of bo@example.com");
        assertThat(robot.lookup("#resubscribe").query().isDisabled())
                .as("bo is no longer unsubscribed")
                .isTrue();

        robot.clickOn("#filter-unsubscribed");
        listed(robot, 3);
        select(robot, "cy@example.com");
        dialogs.answer(new ResubscribeAnswer("asked by email"));
        robot.clickOn("#resubscribe");
        // cy leaves this list: the row that held cy now holds maria, who must not inherit the selection.
        until(() -> table.getItems().get(1).loaded()
                && table.getItems().get(1).email().equals(MARIA.value()));
        until(() -> console.unsubscribes().cardProperty().get() != null);
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();
        assertThat(title(robot)).isEqualTo("History of cy@example.com");
        assertThat(robot.lookup("#resubscribe").query().isDisabled()).isTrue();
        assertThat(dialogs.shown)
                .filteredOn(s -> s.startsWith("resubscribe: "))
                .containsExactly("resubscribe: bo@example.com", "resubscribe: cy@example.com");
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(MARIA)).isTrue();
    }

    @Test
    void resubscribedPeopleStayListedMarkedAndTheirHistoryOpensInTheWindow(FxRobot robot) throws Exception {
        listed(robot, 4);
        fixture.workspace
                .unsubscribes()
                .resubscribe(new Email("cy@example.com"), "admin", "asked at the fair", Instant.now());
        robot.clickOn("#filter-resubscribed");
        listed(robot, 1);
        assertThat(robot.lookup("#total").queryAs(Label.class).getText()).isEqualTo("1 resubscribed person");
        select(robot, "cy@example.com");
        ListView<?> history = robot.lookup("#history").queryAs(ListView.class);
        until(() -> history.getItems().size() == 2);
        assertThat(robot.lookup("#uncheck-salesforce").query().isDisabled()).isFalse();
        Node row = robot.lookup(".table-row-cell")
                .match((Node n) -> n.getPseudoClassStates().stream()
                        .anyMatch(p -> p.getPseudoClassName().equals("resubscribed")))
                .query();
        assertThat(row).isNotNull();
        assertThat(robot.lookup(".table-cell")
                        .match((Node n) ->
                                n instanceof javafx.scene.control.Labeled l && "Resubscribed".equals(l.getText()))
                        .tryQuery())
                .isPresent();

        robot.clickOn("#filter-all");
        listed(robot, 4);
        assertThat(robot.lookup("#total").queryAs(Label.class).getText())
                .isEqualTo("4 people: 3 unsubscribed, 1 resubscribed");
    }

    @Test
    void salesforceIsUncheckedOnlyInItsOwnStepAfterAConfirmationNamingPersonRecordAndOrg(FxRobot robot)
            throws Exception {
        listed(robot, 4);
        select(robot, MARIA.value());
        assertThat(robot.lookup("#uncheck-salesforce").query().isDisabled())
                .as("still unsubscribed")
                .isTrue();
        dialogs.answer(new ResubscribeAnswer("asked by phone"));
        robot.clickOn("#resubscribe");
        until(() -> !robot.lookup("#uncheck-salesforce").query().isDisabled());
        assertThat(optedOutInSalesforce())
                .as("a resubscribe alone writes nothing to Salesforce")
                .isTrue();

        dialogs.answer(false);
        robot.clickOn("#uncheck-salesforce");
        until(() -> dialogs.saw("confirm: Uncheck in Salesforce"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.shown)
                .filteredOn(s -> s.startsWith("confirm: "))
                .singleElement()
                .asString()
                .contains("maria.castillo@example.com")
                .contains("the org \u201cTest Org\u201d (https://test.example)")
                .contains("Contact " + MARIA_CONTACT.value());
        assertThat(optedOutInSalesforce()).as("declined: nothing written").isTrue();

        dialogs.answer(true);
        robot.clickOn("#uncheck-salesforce");
        until(() -> !optedOutInSalesforce());
        until(() -> dialogs.saw("info: Uncheck in Salesforce: For maria.castillo@example.com"));
        assertThat(fixture.workspace.unsubscribes().history(MARIA))
                .extracting(h -> h.action().name())
                .containsExactly("UNSUBSCRIBE", "RESUBSCRIBE", "UNCHECKED_IN_SALESFORCE");
    }

    @Test
    void searchFindsAnyPartOfTheAddressTheDomainOrTheName(FxRobot robot) throws Exception {
        listed(robot, 4);
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        robot.interact(() -> search.setText("castillo"));
        listed(robot, 1);
        assertThat(table.getItems().get(0).email()).isEqualTo(MARIA.value());
        robot.interact(() -> search.setText("xample.co"));
        listed(robot, 4);
        robot.interact(() -> search.setText("maría"));
        listed(robot, 1);
        assertThat(robot.lookup("#total").queryAs(Label.class).getText()).isEqualTo("1 matching \"maría\"");
    }

    @Test
    void theListAndAHistoryAreExportedAsQuotedCsvWithoutFormulas(FxRobot robot) throws Exception {
        listed(robot, 4);
        Path list = exports.resolve("list.csv");
        dialogs.answer(list);
        robot.clickOn("#export-list");
        until(() -> dialogs.saw("info: Export the list: 4 rows were saved to list.csv."));
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("Email,Status,Name,Object,Salesforce ID,Source,Date (UTC),Actor,Reason");
        assertThat(lines.get(1))
                .isEqualTo("ann@example.com,Unsubscribed,,,,Manual,2026-03-01T09:00:00Z,admin,"
                        + "\"'=HYPERLINK(\"\"http://x\"\"), said \"\"no\"\"\"");
        assertThat(lines.get(4))
                .startsWith("maria.castillo@example.com,Unsubscribed,María Castillo,Contact," + MARIA_CONTACT.value()
                        + ",");
        try (var folder = Files.list(exports)) {
            assertThat(folder).as("no partial file left beside it").containsExactly(list);
        }

        select(robot, "ann@example.com");
        Path history = exports.resolve("ann.csv");
        dialogs.answer(history);
        robot.clickOn("#export-history");
        until(() -> dialogs.saw("info: Export the history: 1 line was saved to ann.csv."));
        assertThat(Files.readString(history))
                .startsWith("Email,When (UTC),Action,Source,Actor,Reason\r\n"
                        + "ann@example.com,2026-03-01T09:00:00Z,Unsubscribe,Manual,admin,\"'=HYPERLINK(");
    }

    @Test
    void atTwiceTheTextRowsHoldTheirTextColumnsAreNotCutAndTheActionsStayInTheWindow(FxRobot robot) throws Exception {
        listed(robot, 4);
        select(robot, MARIA.value());
        for (TextSize size : List.of(TextSize.NORMAL, new TextSize(19), new TextSize(26))) {
            robot.interact(() -> console.shell().textSizeProperty().set(size));
            SeededConsole.settle();
            javafx.scene.control.Labeled anyCell = robot.lookup(".table-row-cell .table-cell")
                    .match((Node n) -> n instanceof javafx.scene.control.Labeled l
                            && MARIA.value().equals(l.getText()))
                    .tryQuery()
                    .map(javafx.scene.control.Labeled.class::cast)
                    .orElse(null);
            double textHeight = new Text("Mg").getLayoutBounds().getHeight() * size.pixels() / 13.0;
            assertThat(table.getFixedCellSize())
                    .as("row height at %d px", size.pixels())
                    .isGreaterThanOrEqualTo(textHeight * 1.2);
            // At the largest sizes the card scrolls: its first action and the card itself stay in the window.
            List<String> inWindow = size.pixels() > 19
                    ? List.of("#resubscribe", "#export-list", "#add", "#history-scroll", "#unsubscribes")
                    : List.of(
                            "#resubscribe",
                            "#uncheck-salesforce",
                            "#export-history",
                            "#export-list",
                            "#add",
                            "#history-scroll",
                            "#unsubscribes");
            for (String id : inWindow) {
                Bounds bounds = robot.lookup(id)
                        .query()
                        .localToScene(robot.lookup(id).query().getLayoutBounds());
                assertThat(bounds.getMaxX())
                        .as("%s right edge at %d px", id, size.pixels())
                        .isLessThanOrEqualTo(1024);
                assertThat(bounds.getMaxY())
                        .as("%s bottom edge at %d px", id, size.pixels())
                        .isLessThanOrEqualTo(700);
            }
            if (size.equals(TextSize.NORMAL)) {
                assertThat(anyCell).isNotNull();
                for (TableColumn<UnsubscribeRow, ?> column : table.getColumns()) {
                    if (column.isVisible() && !column.getText().equals("Email")) {
                        assertThat(column.getWidth()).as(column.getText()).isGreaterThanOrEqualTo(column.getMinWidth());
                    }
                }
                TableColumn<UnsubscribeRow, ?> email = table.getColumns().get(0);
                assertThat(email.getWidth())
                        .as("the email column fits maria's address")
                        .isGreaterThanOrEqualTo(width(MARIA.value(), anyCell));
            }
        }
    }

    @Test
    void theHistoryCardBreaksAnAddressAtItsDotsAndAtSignNotInsideAWord(FxRobot robot) throws Exception {
        listed(robot, 4);
        select(robot, MARIA.value());
        Label title = robot.lookup("#history-title").queryAs(Label.class);
        String[] lines = title.getText().split("\n");
        assertThat(String.join("", lines).replace("History of", "History of "))
                .as(title.getText())
                .isIn("History of maria.castillo@example.com", "History of  maria.castillo@example.com");
        for (int i = 0; i < lines.length; i++) {
            Text measured = new Text(lines[i]);
            measured.setFont(title.getFont());
            assertThat(measured.getLayoutBounds().getWidth())
                    .as("line %s fits the card", lines[i])
                    .isLessThanOrEqualTo(title.getWidth() + 0.5);
            if (i < lines.length - 1 && lines[i].contains("@") == lines[i + 1].contains("@")) {
                assertThat(lines[i])
                        .as("broken after a separator, not inside a word")
                        .matches(".*[@.\\-_ ]$|.*of$");
            }
        }
        assertThat(lines)
                .as("the address needed breaking in a card this narrow")
                .contains("maria.castillo@");
    }

    private boolean optedOutInSalesforce() {
        return fixture.org
                .findByIds(SObjectType.CONTACT, OptOutField.EMAIL_OPT_OUT_API_NAME, List.of(MARIA_CONTACT))
                .get(0)
                .optedOut();
    }

    private static double width(String text, javafx.scene.control.Labeled like) {
        Text measured = new Text(text);
        measured.setFont(like.getFont());
        return measured.getLayoutBounds().getWidth();
    }

    private String title(FxRobot robot) {
        return robot.lookup("#history-title")
                .queryAs(Label.class)
                .getText()
                .replace("\n", " ")
                .replace("@ ", "@")
                .replace(". ", ".");
    }

    private void listed(FxRobot robot, int rows) throws Exception {
        table = robot.lookup("#unsubscribes").query();
        until(() -> table.getItems().size() == rows && table.getItems().stream().allMatch(UnsubscribeRow::loaded));
    }

    private void select(FxRobot robot, String email) throws Exception {
        int index =
                table.getItems().stream().map(UnsubscribeRow::email).toList().indexOf(email);
        robot.interact(() -> table.getSelectionModel().select(index));
        until(() -> console.unsubscribes().cardProperty().get() != null
                && console.unsubscribes().cardProperty().get().email().value().equals(email));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
