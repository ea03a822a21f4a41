package com.unsubscribesync.ui;

import com.unsubscribesync.collect.ImportReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** The real dialogs, styled like the console and owned by its window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final String stylesheet;
    private final java.util.function.Consumer<String> browser;

    /** @param browser opens a web page in the system browser (the layout wizard's Setup links) */
    public FxDialogService(Supplier<Window> owner, String stylesheet, java.util.function.Consumer<String> browser) {
        this.owner = owner;
        this.stylesheet = stylesheet;
        this.browser = browser;
    }

    private <D extends Dialog<?>> D styled(D dialog, String title) {
        dialog.setTitle(title);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
            // At the console's text size, not the system's: at 200 % a dialog reads as the window around it.
            dialog.getDialogPane().setStyle(TextSize.styleOf(window));
        }
        dialog.getDialogPane().getStylesheets().add(stylesheet);
        dialog.getDialogPane().getStyleClass().add("console-dialog");
        dialog.setResizable(true);
        return dialog;
    }

    /** An alert headed by its title, its message wrapping at the dialog's width. */
    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = styled(new Alert(type), title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(Cards.text(message, "dialog-body"));
        return alert;
    }

    @Override
    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void info(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType yes = new ButtonType(confirmLabel, ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(yes, ButtonType.CANCEL);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void showSecret(String title, String message, String secret) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, message);
        TextField shown = new TextField(secret);
        shown.setId("secret");
        shown.setEditable(false);
        shown.setPrefColumnCount(secret.length());
        javafx.scene.layout.HBox.setHgrow(shown, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(
                6, shown, Copying.button("copy-secret", new javafx.beans.property.SimpleStringProperty(secret)));
        alert.getDialogPane().setContent(new VBox(10, Cards.text(message, "dialog-body"), line));
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseCsvFile() {
        return chooseCsvFile("Import unsubscribes from a CSV file");
    }

    @Override
    public Optional<Path> chooseCsvFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public void showWizard(WizardWindow wizard) {
        wizard.showAndWait(owner.get(), stylesheet, this);
    }

    @Override
    public boolean showListWithAction(String title, String header, List<String> lines, String actionLabel) {
        Dialog<ButtonType> dialog = listDialog(title, header, lines);
        ButtonType action = new ButtonType(actionLabel, ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(action, ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(action).setId("list-action");
        return dialog.showAndWait().filter(action::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String prompt, String fieldLabel) {
        Dialog<String> dialog = styled(new Dialog<>(), title);
        dialog.setHeaderText(title);
        TextField field = new TextField();
        dialog.getDialogPane()
                .setContent(new VBox(
                        8, Cards.text(prompt, "help", "dialog-body"), labelFor("_" + fieldLabel, field), field));
        ButtonType ok = new ButtonType("OK", ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(ok)
                .disableProperty()
                .bind(field.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == ok ? field.getText().strip() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public Optional<NewUnsubscribe> askNewUnsubscribe(Function<NewUnsubscribe, Optional<String>> problem) {
        Dialog<NewUnsubscribe> dialog = styled(new Dialog<>(), "Add an unsubscribe");
        dialog.setHeaderText("Add an unsubscribe");
        TextField email = new TextField();
        email.setId("add-email");
        email.setPromptText("name@example.com");
        TextField reason = new TextField();
        reason.setId("add-reason");
        reason.setPromptText("optional, e.g. asked by phone");
        Label refusal = Cards.text("", "warning");
        refusal.setId("add-refusal");
        // Shown only with a refusal in it, right under the field: an empty warning box reads as a glitch.
        refusal.visibleProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, labelFor("_Email", email), email);
        grid.add(refusal, 1, 1);
        grid.addRow(2, labelFor("_Reason", reason), reason);
        grid.add(Cards.text("It is pushed to Salesforce at once.", "help"), 1, 3);
        dialog.getDialogPane().setContent(grid);
        ButtonType add = new ButtonType("Add", ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        email.setPrefColumnCount(26);
        Node addButton = dialog.getDialogPane().lookupButton(add);
        addButton.setId("add-confirm");
        // Checked as it is typed: Add stays disabled while the sentence says what is wrong, and nothing typed is lost.
        Runnable check = () -> {
            String text = email.getText().isEmpty()
                    ? ""
                    : problem.apply(new NewUnsubscribe(email.getText(), reason.getText()))
                            .orElse("");
            if (!text.equals(refusal.getText())) {
                refusal.setText(text);
                if (dialog.isShowing()) {
                    // The dialog grows to show the sentence and keeps its buttons in view.
                    dialog.getDialogPane().getScene().getWindow().sizeToScene();
                }
            }
            addButton.setDisable(email.getText().isEmpty() || !text.isEmpty());
        };
        email.textProperty().addListener((o, was, now) -> check.run());
        reason.textProperty().addListener((o, was, now) -> check.run());
        check.run();
        addButton.addEventFilter(
                ActionEvent.ACTION,
                e -> problem.apply(new NewUnsubscribe(email.getText(), reason.getText()))
                        .ifPresent(text -> {
                            refusal.setText(text);
                            e.consume();
                        }));
        dialog.setResultConverter(
                button -> button == add ? new NewUnsubscribe(email.getText(), reason.getText()) : null);
        dialog.setOnShown(e -> email.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public ImportDecision reviewImport(String fileName, ImportReport dryRun) {
        Dialog<ImportDecision> dialog = styled(new Dialog<>(), "Import CSV");
        dialog.setHeaderText("Check " + fileName + " before anything is written");
        VBox content = new VBox(
                8,
                Cards.text(Formats.plural(dryRun.rows(), "row", "rows") + " read: "
                        + Formats.count(dryRun.valid()) + " good, " + Formats.count(dryRun.problemCount())
                        + " with a problem."
                        + " Nothing has been written yet."));
        if (!dryRun.problems().isEmpty()) {
            ListView<String> problems = new ListView<>();
            problems.getItems().setAll(dryRun.problems());
            if (dryRun.problemCount() > dryRun.problems().size()) {
                problems.getItems()
                        .add("… and "
                                + (dryRun.problemCount() - dryRun.problems().size()) + " more");
            }
            problems.getStyleClass().add("import-problems");
            content.getChildren().addAll(new Label("Rows with a problem:"), problems);
        }
        dialog.getDialogPane().setContent(content);
        ButtonType all = new ButtonType("Import " + Formats.plural(dryRun.valid(), "row", "rows"), ButtonData.OK_DONE);
        ButtonType good = new ButtonType(
                "Import the " + Formats.plural(dryRun.valid(), "good row", "good rows"), ButtonData.OK_DONE);
        if (dryRun.valid() == 0) {
            dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        } else if (dryRun.problemCount() > 0) {
            dialog.getDialogPane().getButtonTypes().setAll(good, ButtonType.CANCEL);
        } else {
            dialog.getDialogPane().getButtonTypes().setAll(all, ButtonType.CANCEL);
        }
        dialog.setResultConverter(button -> button == all
                ? ImportDecision.IMPORT_ALL
                : button == good ? ImportDecision.IMPORT_VALID_ROWS : ImportDecision.CANCEL);
        return dialog.showAndWait().orElse(ImportDecision.CANCEL);
    }

    @Override
    public Optional<ResubscribeAnswer> askResubscribe(String email) {
        Dialog<ResubscribeAnswer> dialog = styled(new Dialog<>(), "Resubscribe");
        dialog.setHeaderText("Resubscribe " + email + "?");
        TextArea reason = new TextArea();
        reason.setId("resubscribe-reason");
        reason.setPromptText("Why may this person be emailed again? (required, kept in the history)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label warning = Cards.text(
                "This removes the unsubscribe here only. While a Lead or Contact still has the "
                        + "opt-out checked, the next nightly run marks this person unsubscribed again: uncheck it afterwards "
                        + "with Uncheck in Salesforce…, a separate step that names the records and the org.",
                "warning");
        VBox content = new VBox(10, labelFor("_Reason", reason), reason, warning);
        // A set width in em, so the long warning wraps instead of widening the dialog past the screen.
        content.getStyleClass().add("dialog-body");
        dialog.getDialogPane().setContent(content);
        ButtonType resubscribe = new ButtonType("Resubscribe", ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(resubscribe, ButtonType.CANCEL);
        Node confirm = dialog.getDialogPane().lookupButton(resubscribe);
        confirm.setId("resubscribe-confirm");
        confirm.disableProperty().bind(reason.textProperty().isEmpty());
        Node cancel = dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("resubscribe-cancel");
        movesFocusOnTab(reason);
        dialog.setResultConverter(button -> button == resubscribe ? new ResubscribeAnswer(reason.getText()) : null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog.showAndWait();
    }

    /** Tab and Shift+Tab leave a text area for the next or previous control instead of typing a tab. */
    static void movesFocusOnTab(TextArea area) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB
                    && !e.isControlDown()
                    && !e.isAltDown()
                    && !e.isMetaDown()) {
                e.consume();
                // Ctrl+Tab is the text area's own "move focus" key; sending it keeps the window's focus order.
                area.fireEvent(new javafx.scene.input.KeyEvent(
                        e.getSource(),
                        e.getTarget(),
                        e.getEventType(),
                        e.getCharacter(),
                        e.getText(),
                        e.getCode(),
                        e.isShiftDown(),
                        true,
                        false,
                        false));
            }
        });
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public void showLayoutSteps(String fieldLabel) {
        Dialog<Void> dialog = styled(new Dialog<>(), "Put the opt-out field on the page layouts");
        dialog.setHeaderText("Put " + fieldLabel + " on the Contact and Lead page layouts");
        VBox steps = new VBox(8);
        for (String step : LayoutSteps.steps(fieldLabel)) {
            steps.getChildren().add(Cards.text(step));
        }
        steps.getChildren().add(Cards.text(LayoutSteps.NOTE, "help"));
        dialog.getDialogPane().setContent(steps);
        dialog.getDialogPane().getStyleClass().add("steps-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    @Override
    public void showList(String title, String header, List<String> lines) {
        Dialog<ButtonType> dialog = listDialog(title, header, lines);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    private Dialog<ButtonType> listDialog(String title, String header, List<String> lines) {
        Dialog<ButtonType> dialog = styled(new Dialog<>(), title);
        dialog.setHeaderText(title);
        ListView<String> list = new ListView<>();
        list.getItems().setAll(lines);
        list.getStyleClass().add("dialog-list");
        Label words = Cards.text(header, "help");
        // The sentence wraps at the list's width instead of widening the dialog past the screen.
        words.prefWidthProperty().bind(list.widthProperty());
        words.setMinWidth(0);
        dialog.getDialogPane().setContent(new VBox(8, words, list));
        return dialog;
    }

    @Override
    public void notify(String title, String text, boolean problem) {
        Notifications note = Notifications.create()
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(problem ? 15 : 6));
        Window window = owner.get();
        if (window != null) {
            note.owner(window);
        }
        if (problem) {
            note.showWarning();
        } else {
            note.showInformation();
        }
    }

    private static Label labelFor(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    @Override
    public void openInBrowser(String url) {
        browser.accept(url);
    }
}
