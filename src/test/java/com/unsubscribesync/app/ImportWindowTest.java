package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.FxDialogService;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.imports.ImportKind;
import com.unsubscribesync.ui.imports.ImportSession;
import com.unsubscribesync.ui.imports.ImportWindow;
import com.unsubscribesync.ui.imports.ImportWizard;
import com.unsubscribesync.ui.shell.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * CSV imports in the window, at 1024x700: the column step, a readable bad-rows report, the write button's wording, and
 * the people import offered where the checklist lists people without an ID.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWindowTest {
    private static final String LONG_REASON_ADDRESS = "bo\u200bb.with.a.rather.long.local.part@subsidiary.example.com";

    @TempDir
    Path data;

    @TempDir
    Path files;

    private Stage stage;
    private ConsoleFixture<InMemoryOrg> fixture;
    private Console console;
    private final ScriptedDialogs scripted = new ScriptedDialogs();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.stopPolling();
        }
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aSemicolonFileWithAnEmailAddressHeaderImportsFromTheUnsubscribesTabThroughTheColumnStep(FxRobot robot)
            throws Exception {
        Path csv = write("export.csv", "Name;Email Address;Comment\nAnn;ann@example.com;moved\nBo;bo@example.com;\n");
        openConsole(robot, Screen.UNSUBSCRIBES);
        scripted.answer(csv);

        robot.clickOn("#import");
        waitFor(robot, "#import-column-email");

        ComboBox<?> email = robot.lookup("#import-column-email").queryAs(ComboBox.class);
        assertThat(email.getValue()).isEqualTo("Email Address");
        assertThat(robot.lookup("#import-column-reason").queryAs(ComboBox.class).getValue())
                .isEqualTo("Comment");
        assertThat(robot.lookup("#import-found").queryAs(Label.class).getText())
                .startsWith("Read as " + "semicolon-separated; the header is on line 1; 3 columns.");
        assertThat(robot.lookup("#import-preview")
                        .queryAs(TableView.class)
                        .getItems()
                        .size())
                .isEqualTo(2);

        robot.clickOn("#import-check");
        waitFor(robot, "#import-write");
        assertThat(robot.lookup("#import-write").queryButton().getText()).isEqualTo("Import 2 rows");
        robot.clickOn("#import-write");

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> scripted.saw("info: Import CSV: 2 unsubscribes were " + "added"));
        assertThat(scripted.shown).noneMatch(s -> s.startsWith("error"));
        assertThat(fixture.workspace
                        .unsubscribes()
                        .find(new Email("ann@example.com"))
                        .orElseThrow()
                        .reason())
                .contains("moved");
    }

    @Test
    void theBadRowsReportIsReadableWholeAt1024x700AndDoubleTextAndIsSavedAsCsv(FxRobot robot) throws Exception {
        Path csv = write(
                "list.csv",
                "email,unsubscribed_at\na@example.com,2024-05-01\nnot-an-address,2024-05-01\n"
                        + "b@example.com,\n" + LONG_REASON_ADDRESS
                        + ",2024-05-01\nc@example.com,the day after tomorrow\n"
                        + "d@example.com,2024-05-03\n");
        Path saveTo = files.resolve("saved-bad-rows.csv");
        ImportWizard wizard = openWizardAlone(robot, csv, "-fx-font-size: 26px;", saveTo);

        waitFor(robot, "#import-check");
        robot.clickOn("#import-check");
        waitFor(robot, "#bad-rows");

        assertThat(robot.lookup("#import-summary").queryAs(Label.class).getText())
                .isEqualTo("6 rows read: 3 good, " + "3 with a problem. Nothing has been written yet.");
        assertThat(robot.lookup("#import-write").queryButton().getText()).isEqualTo("Import the 3 good rows");
        Stage window = wizard.stage();
        assertThat(window.getWidth()).isLessThanOrEqualTo(1024);
        assertThat(window.getHeight()).isLessThanOrEqualTo(700);
        for (String id : List.of("#import-write", "#import-cancel", "#import-back", "#save-bad-rows")) {
            Node node = robot.lookup(id).query();
            Bounds bounds = node.localToScene(node.getBoundsInLocal());
            assertThat(bounds.getMaxX())
                    .as(id + " inside the window")
                    .isLessThanOrEqualTo(window.getScene().getWidth());
            assertThat(bounds.getMaxY())
                    .as(id + " inside the window")
                    .isLessThanOrEqualTo(window.getScene().getHeight());
        }
        TableView<?> table = robot.lookup("#bad-rows").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        assertThat(table.lookupAll(".scroll-bar"))
                .filteredOn(bar -> bar instanceof ScrollBar scroll
                        && scroll.getOrientation() == Orientation.HORIZONTAL
                        && scroll.isVisible())
                .isEmpty();
        List<TableCell<?, ?>> cells = table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?>)
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
                .filter(c -> !c.isEmpty() && c.getItem() != null)
                .toList();
        assertThat(cells)
                .extracting(c -> String.valueOf(c.getItem()))
                .contains("3", "not-an-address", "email 'not-an-address' has no @", LONG_REASON_ADDRESS);
        for (TableCell<?, ?> cell : cells) {
            if (cell.getGraphic() instanceof Text text) {
                assertThat(text.getText()).isEqualTo(cell.getItem());
                assertThat(text.getLayoutBounds().getHeight())
                        .as("all of \"%s\" in its cell", text.getText())
                        .isLessThanOrEqualTo(cell.getHeight());
                assertThat(text.getLayoutBounds().getWidth())
                        .as("\"%s\" within its column", text.getText())
                        .isLessThanOrEqualTo(cell.getTableColumn().getWidth());
            }
        }

        robot.clickOn("#save-bad-rows");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saveTo));
        List<String> saved = Files.readAllLines(saveTo, StandardCharsets.UTF_8);
        assertThat(saved).hasSize(4);
        assertThat(saved.get(0)).isEqualTo("line,value,reason");
        assertThat(saved.get(1)).startsWith("3,\"not-an-address\",");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#import-saved")
                        .queryAs(Label.class)
                        .getText()
                        .equals("Saved 3 bad rows to saved-bad-rows.csv."));
        assertThat(fixture.workspace.unsubscribes().count())
                .as("nothing written by the check")
                .isZero();
    }

    @Test
    void theWriteButtonSaysTheOneGoodRowInTheSingularAndWritesOnlyIt(FxRobot robot) throws Exception {
        Path csv = write("one.csv", "email\nann@example.com\nnot-an-address\n");
        openWizardAlone(robot, csv, "", files.resolve("unused.csv"));

        waitFor(robot, "#import-check");
        robot.clickOn("#import-check");
        waitFor(robot, "#import-write");

        assertThat(robot.lookup("#import-write").queryButton().getText()).isEqualTo("Import the 1 good row");
        robot.clickOn("#import-write");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> fixture.workspace.unsubscribes().count() == 1);
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(new Email("ann@example.com")))
                .isTrue();
    }

    @Test
    void thePeopleWithoutAnIdDialogOffersThePeopleImportInTheWindowInsteadOfTheCommandLine(FxRobot robot)
            throws Exception {
        String id = TestIds.of(SObjectType.CONTACT, 77).value();
        Path csv = write("people.csv", "E-mail;Salesforce Id;First name\nno-id@example.com;" + id + ";Nadia\n");
        openConsole(robot, Screen.INTEGRATIONS);
        fixture.workspace
                .people()
                .save(new Person(
                        new Email("no-id@example.com"), Optional.of("Nadia"), Optional.empty(), Optional.empty()));
        robot.interact(() -> console.integrations().refresh());
        waitFor(robot, "#fix-show-people-without-id");
        scripted.answer(csv);

        // The checklist is further down the page than 700 pixels show; the button is pressed where it is.
        Button fix = robot.lookup("#fix-show-people-without-id").queryButton();
        Platform.runLater(fix::fire);
        waitFor(robot, "#list-action");

        Node dialog = robot.lookup("#list-action").query().getScene().getRoot();
        assertThat(robot.from(dialog)
                        .lookup((Node n) -> n instanceof Labeled labeled
                                && labeled.getText() != null
                                && (labeled.getText().contains("command line")
                                        || labeled.getText().contains("people import")))
                        .tryQuery())
                .isEmpty();
        assertThat(robot.lookup("#list-action").queryButton().getText()).isEqualTo("Import people from CSV…");
        robot.clickOn("#list-action");
        waitFor(robot, "#import-column-salesforce-id");
        assertThat(robot.lookup("#import-column-email").queryAs(ComboBox.class).getValue())
                .isEqualTo("E-mail");
        assertThat(robot.lookup("#import-column-salesforce-id")
                        .queryAs(ComboBox.class)
                        .getValue())
                .isEqualTo("Salesforce Id");
        robot.clickOn("#import-check");
        waitFor(robot, "#import-write");
        robot.clickOn("#import-write");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scripted.saw("info: Import people: 1 person was saved"));
        assertThat(fixture.workspace
                        .people()
                        .find(new Email("no-id@example.com"))
                        .orElseThrow()
                        .salesforceId()
                        .map(Object::toString))
                .contains(id);
    }

    private void openConsole(FxRobot robot, Screen first) {
        fixture = ConsoleFixture.inMemory(data, Clock.systemUTC(), 0);
        robot.interact(() -> {
            console = fixture.console(new FxBackground(executor), windowImports(), first);
            stage.setScene(console.scene(1024, 700));
            console.load();
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Files are chosen by the script; the import window and the list with an action are the real ones. */
    private DialogService windowImports() {
        FxDialogService real = new FxDialogService(() -> stage, Console.STYLESHEET, url -> {});
        Set<String> shownForReal = Set.of("showListWithAction");
        return (DialogService) Proxy.newProxyInstance(
                DialogService.class.getClassLoader(), new Class<?>[] {DialogService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("showWizard") && args[0] instanceof ImportWindow window) {
                        new ImportWizard(
                                        window.session(),
                                        Optional.of(stage),
                                        Console.STYLESHEET,
                                        name -> Optional.of(files.resolve(name)))
                                .showAndWait();
                        return null;
                    }
                    try {
                        return method.invoke(shownForReal.contains(method.getName()) ? real : scripted, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The import window over a plain 1024x700 owner whose text is {@code style}. */
    private ImportWizard openWizardAlone(FxRobot robot, Path csv, String style, Path saveTo) {
        fixture = ConsoleFixture.inMemory(data, Clock.systemUTC(), 0);
        AtomicReference<ImportWizard> wizard = new AtomicReference<>();
        robot.interact(() -> {
            StackPane root = new StackPane();
            root.setStyle(style);
            stage.setScene(new Scene(root, 1024, 700));
            stage.show();
            ImportSession session = new ImportSession(
                    ImportKind.UNSUBSCRIBES,
                    csv,
                    (path, layout, options, progress) -> fixture.workspace
                            .unsubscribeImporter()
                            .importFile(path, layout, options, "admin", progress),
                    new FxBackground(executor),
                    report -> {});
            wizard.set(new ImportWizard(
                    session, Optional.<Window>of(stage), Console.STYLESHEET, name -> Optional.of(saveTo)));
        });
        Platform.runLater(() -> wizard.get().showAndWait());
        WaitForAsyncUtils.waitForFxEvents();
        return wizard.get();
    }

    private static void waitFor(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path write(String name, String text) throws Exception {
        Path file = files.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
