package com.unsubscribesync.ui.imports;

import com.unsubscribesync.collect.BadRow;
import com.unsubscribesync.collect.CsvPreview;
import com.unsubscribesync.collect.ImportField;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.imports.ImportSession.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The import window: the file's columns with a preview, the check with its bad rows, then the write. It only draws
 * the {@link ImportSession}; the session does the work in the background.
 */
public final class ImportWizard {
    public static final String STYLESHEET =
            ImportWizard.class.getResource("imports.css").toExternalForm();
    /** The window's share of its owner, so it never reaches past the console's own window. */
    private static final double SHARE_OF_OWNER = 0.94;

    private static final double WIDTH_EM = 56;
    private static final double HEIGHT_EM = 40;

    private final ImportSession session;
    private final Function<String, Optional<Path>> saveTarget;
    private final Stage stage = new Stage();
    private final Label problem = Cards.text("", "warning");
    private final Label saved = Cards.text("", "help");
    private final VBox body = new VBox();
    /** Back and save on the left, cancel and go on the right; with big text the right ones wrap to a second line. */
    private final HBox secondary = new HBox();

    private final HBox primary = new HBox();
    private final ButtonRow buttons = new ButtonRow(secondary, primary);

    /**
     * @param saveTarget asks where to save the bad rows, given a suggested file name
     */
    public ImportWizard(
            ImportSession session,
            Optional<Window> owner,
            String consoleStylesheet,
            Function<String, Optional<Path>> saveTarget) {
        this.session = session;
        this.saveTarget = saveTarget;
        stage.setTitle(session.kind().title());
        owner.ifPresent(window -> {
            stage.initOwner(window);
            stage.initModality(Modality.WINDOW_MODAL);
        });
        problem.setId("import-problem");
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.textProperty().bind(session.problemProperty());
        saved.setId("import-saved");
        saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());

        Label title = new Label(session.kind().title());
        title.getStyleClass().add("import-title");
        Label file = Cards.text(session.file().getFileName().toString(), "muted");
        file.setId("import-file");
        VBox top = new VBox(title, file);
        top.getStyleClass().add("import-top");
        body.getStyleClass().add("import-body");
        // Never squeezed below what it needs: with big text the page scrolls, the buttons below stay in view.
        body.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("import-scroll");
        buttons.getStyleClass().add("import-buttons");
        secondary.getStyleClass().add("import-button-group");
        primary.getStyleClass().add("import-button-group");

        BorderPane root = new BorderPane(scroll, top, null, buttons, null);
        root.getStyleClass().add("import-wizard");
        root.setStyle(owner.map(com.unsubscribesync.ui.TextSize::styleOf).orElse(""));
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(consoleStylesheet, STYLESHEET);
        stage.setScene(scene);
        fitInside(owner, root);
        session.stepProperty().addListener((o, was, now) -> draw());
        session.reportProperty().addListener((o, was, now) -> draw());
        session.previewProperty().addListener((o, was, now) -> draw());
        draw();
    }

    /** Shows the window, starts reading the file and returns when the admin closed it or the rows were written. */
    public void showAndWait() {
        stage.setOnShown(e -> session.start());
        stage.showAndWait();
    }

    private void fitInside(Optional<Window> owner, Parent root) {
        double em = fontSize(root.getStyle());
        double width = WIDTH_EM * em;
        double height = HEIGHT_EM * em;
        if (owner.isPresent()) {
            width = Math.min(width, owner.get().getWidth() * SHARE_OF_OWNER);
            height = Math.min(height, owner.get().getHeight() * SHARE_OF_OWNER);
        }
        stage.setWidth(width);
        stage.setHeight(height);
    }

    private static double fontSize(String style) {
        java.util.regex.Matcher size =
                java.util.regex.Pattern.compile("-fx-font-size:\\s*([0-9.]+)px").matcher(style);
        return size.find() ? Double.parseDouble(size.group(1)) : 13;
    }

    private void draw() {
        Step step = session.stepProperty().get();
        if (step == Step.DONE) {
            stage.close();
            return;
        }
        body.getChildren().clear();
        secondary.getChildren().clear();
        primary.getChildren().clear();
        if (step != Step.REVIEW) {
            saved.setText("");
        }
        Button cancel = button("Cancel", "import-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        cancel.setDisable(step == Step.WRITING);
        switch (step) {
            case READING, CHECKING, WRITING -> {
                body.getChildren().addAll(progress(), problem);
                primary.getChildren().add(cancel);
            }
            case COLUMNS -> {
                body.getChildren().addAll(columns(), problem);
                Button check = button("Check the rows", "import-check");
                check.getStyleClass().add("primary");
                check.setDefaultButton(true);
                check.disableProperty().bind(session.canCheckProperty().not());
                check.setOnAction(e -> session.check());
                primary.getChildren().addAll(cancel, check);
            }
            case REVIEW -> {
                body.getChildren().addAll(review(), problem);
                Button back = button("_Back", "import-back");
                back.setOnAction(e -> session.back());
                secondary.getChildren().add(back);
                ImportReport report = session.reportProperty().get();
                if (report != null && !report.badRows().isEmpty()) {
                    // In the bar, not under the table: in view at any text size, however long the list.
                    Button save = button("_Save bad rows…", "save-bad-rows");
                    save.setOnAction(e -> saveTarget
                            .apply(badRowsName())
                            .ifPresent(target -> session.saveBadRows(target, saved::setText)));
                    secondary.getChildren().add(save);
                }
                primary.getChildren().add(cancel);
                if (report != null && report.valid() > 0) {
                    Button write = button(session.writeLabel(), "import-write");
                    write.getStyleClass().add("primary");
                    write.setDefaultButton(true);
                    write.setOnAction(e -> session.write());
                    primary.getChildren().add(write);
                }
            }
            default -> {}
        }
    }

    private VBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.progressProperty().bind(session.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label text = Cards.text("", "muted");
        text.setId("import-progress-text");
        text.textProperty()
                .bind(Bindings.when(session.stepProperty().isEqualTo(Step.READING))
                        .then("Reading the first rows…")
                        .otherwise(session.progressTextProperty()));
        VBox box = new VBox(bar, text);
        box.getStyleClass().add("import-progress");
        return box;
    }

    private VBox columns() {
        CsvPreview preview = session.previewProperty().get();
        ComboBox<String> delimiter =
                new ComboBox<>(FXCollections.observableArrayList("Comma (,)", "Semicolon (;)", "Tab"));
        delimiter.setId("import-delimiter");
        char current = preview.layout().delimiter();
        delimiter.getSelectionModel().select(current == ';' ? 1 : current == '\t' ? 2 : 0);
        delimiter
                .valueProperty()
                .addListener((o, was, now) ->
                        session.useDelimiter(now.startsWith("Semi") ? ';' : now.startsWith("Tab") ? '\t' : ','));
        Label delimiterLabel = labelFor("_Cells are separated by", delimiter);
        Label found = Cards.text(describe(preview), "help");
        found.setId("import-found");
        FlowPane choices = new FlowPane();
        choices.getStyleClass().add("import-choices");
        HBox delimiterPair = new HBox(delimiterLabel, delimiter);
        delimiterPair.getStyleClass().add("import-choice");
        choices.getChildren().add(delimiterPair);
        for (ImportField field : session.kind().fields()) {
            ComboBox<String> column = new ComboBox<>();
            column.setId("import-column-" + field.name().replace('_', '-'));
            if (!field.required()) {
                column.getItems().add(ImportSession.NOT_IMPORTED);
            }
            column.getItems().addAll(preview.columns());
            column.valueProperty().bindBidirectional(session.columnProperty(field.name()));
            if (field.required() && ImportSession.NOT_IMPORTED.equals(column.getValue())) {
                column.setPromptText("choose a column");
            }
            Label label = labelFor(field.label() + (field.required() ? " (required)" : ""), column);
            HBox pair = new HBox(label, column);
            pair.getStyleClass().add("import-choice");
            choices.getChildren().add(pair);
        }
        Label previewTitle = new Label("The first rows of the file:");
        TableView<List<String>> table = new TableView<>(FXCollections.observableArrayList(preview.rows()));
        table.setId("import-preview");
        table.setPlaceholder(Cards.placeholder("The file has no rows under its header."));
        for (int i = 0; i < preview.columns().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column =
                    new TableColumn<>(preview.columns().get(i));
            column.setCellValueFactory(
                    cell -> new ReadOnlyStringWrapper(cell.getValue().get(index)));
            column.setSortable(false);
            table.getColumns().add(column);
        }
        if (preview.columns().size() <= 6) {
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(found, choices, previewTitle, table);
        box.getStyleClass().add("import-step");
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static String describe(CsvPreview preview) {
        String header = preview.layout().hasHeader()
                ? "the header is on line " + (preview.layout().skippedRows() + 1)
                : "the file has no header row";
        return "Read as " + preview.layout().delimiterName() + "-separated; " + header + "; "
                + preview.columns().size() + (preview.columns().size() == 1 ? " column" : " columns")
                + ". Choose which column holds each field.";
    }

    private VBox review() {
        ImportReport report = session.reportProperty().get();
        Label summary = Cards.text(session.summary());
        summary.setId("import-summary");
        VBox box = new VBox(summary);
        box.getStyleClass().add("import-step");
        VBox.setVgrow(box, Priority.ALWAYS);
        if (report == null || report.badRows().isEmpty()) {
            return box;
        }
        TableView<BadRow> table = new TableView<>(FXCollections.observableArrayList(report.badRows()));
        table.setId("bad-rows");
        table.getStyleClass().add("bad-rows");
        TableColumn<BadRow, Long> line = new TableColumn<>("Line");
        line.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(cell.getValue().line()));
        TableColumn<BadRow, String> value = wrapping("Value", BadRow::value);
        TableColumn<BadRow, String> reason = wrapping("Reason", BadRow::reason);
        line.prefWidthProperty().bind(table.widthProperty().multiply(0.1));
        value.prefWidthProperty().bind(table.widthProperty().multiply(0.36));
        reason.prefWidthProperty().bind(table.widthProperty().multiply(0.54));
        List.of(line, value, reason).forEach(c -> c.setSortable(false));
        table.getColumns().addAll(List.of(line, value, reason));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label heading = new Label("Rows with a problem:");
        box.getChildren().addAll(saved, heading, table);
        return box;
    }

    private String badRowsName() {
        String name = session.file().getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return stem + "-bad-rows.csv";
    }

    /** A column whose text wraps within the column, so a long reason is read whole and nothing scrolls sideways. */
    private static TableColumn<BadRow, String> wrapping(String title, Function<BadRow, String> value) {
        TableColumn<BadRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(
                cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("wrapped-cell-text");
                text.wrappingWidthProperty()
                        .bind(column.widthProperty().subtract(text.getFont().getSize() * 1.2));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    text.setText(item.isEmpty() ? "(empty)" : item);
                    setGraphic(text);
                }
            }
        });
        return column;
    }

    private static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private static Label labelFor(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** The window, for tests that look at what it shows. */
    public Stage stage() {
        return stage;
    }
}
