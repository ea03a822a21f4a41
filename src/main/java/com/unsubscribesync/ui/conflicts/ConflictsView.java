package com.unsubscribesync.ui.conflicts;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Ems;
import com.unsubscribesync.ui.Icons;
import com.unsubscribesync.ui.WholeTextCell;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Conflicts screen. */
// A VBox, not a BorderPane: a BorderPane measures its centre's minimum height at its width *with* its padding, so at
// large text the link panel's buttons measured one row and took two, and the last one fell below the scroll area.
public final class ConflictsView extends VBox {
    private final ConflictsViewModel model;
    private final FlowPane buttons = new FlowPane(8, 8);

    public ConflictsView(ConflictsViewModel model) {
        this.model = model;
        getStyleClass().add("page");
        // The kinds never change, so the admin's selection is never moved by a new count; counts are drawn from
        // the model's map.
        ListView<ConflictKind> kinds = new ListView<>(FXCollections.observableArrayList(ConflictKind.values()));
        kinds.setId("conflict-kinds");
        kinds.getStyleClass().add("conflict-kinds");
        kinds.setCellFactory(list -> new KindCell(model));
        model.counts().addListener((MapChangeListener<ConflictKind, Long>) c -> kinds.refresh());
        kinds.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != model.kindProperty().get()) {
                model.kindProperty().set(now);
            }
        });
        model.kindProperty().addListener((o, was, now) -> {
            if (now != null && now != kinds.getSelectionModel().getSelectedItem()) {
                kinds.getSelectionModel().select(now);
            }
        });
        VBox left = Cards.card("Pending conflicts", kinds);
        VBox.setVgrow(kinds, Priority.ALWAYS);

        Label detail = Cards.text("", "detail");
        TableView<ConflictRow> table = new TableView<>(model.open());
        table.setId("conflicts");
        table.getStyleClass().add("conflict-rows");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(Cards.placeholder("Nothing to look at here."));
        // Each column keeps the width of what it shows, the address first; a table too narrow for them (double
        // text, or a refused write's status code) scrolls sideways instead of cutting the address to "…".
        table.getColumns().add(keeping("Email", 16, ConflictRow::email, detail));
        table.getColumns().add(keeping("Record", 15.4, ConflictRow::record, detail));
        TableColumn<ConflictRow, String> statusCode = keeping("Status code", 22, ConflictRow::statusCode, detail);
        statusCode.setId("status-code");
        table.getColumns().add(statusCode);
        table.getColumns().add(column("Since", ConflictRow::created));
        Ems.fillLast(table, 9.5, detail);
        // Only refused writes carry Salesforce's status code: for the other kinds the column would be an empty
        // third of the table while the addresses beside it are cut short.
        Runnable showStatusCodes = () -> statusCode.setVisible(
                model.open().stream().anyMatch(row -> !row.statusCode().isEmpty()));
        model.open().addListener((ListChangeListener<ConflictRow>) c -> showStatusCodes.run());
        showStatusCodes.run();
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ConflictRow>)
                c -> model.selection().setAll(table.getSelectionModel().getSelectedItems()));
        // When a selected conflict leaves the list (resolved, or another kind shown), the table may quietly move the
        // selection onto the row that took its place; an action must never apply to a row the admin did not pick.
        model.open().addListener((ListChangeListener<ConflictRow>) c -> {
            if (!model.open().containsAll(model.selection())) {
                table.getSelectionModel().clearSelection();
                model.selection().clear();
            }
        });
        detail.setId("conflict-detail");
        detail.textProperty().bind(model.detailProperty());
        model.actions().addListener((ListChangeListener<ConflictsViewModel.Action>) c -> drawActions());
        drawActions();
        Label undone = Cards.text("", "undo-message");
        undone.setId("undo-message");
        undone.setWrapText(true);
        undone.textProperty().bind(model.undoMessageProperty());
        Button undo = new Button("_Undo");
        undo.setId("undo");
        undo.setOnAction(e -> model.undo());
        undo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        undo.visibleProperty().bind(model.undoableProperty());
        undo.managedProperty().bind(undo.visibleProperty());
        HBox undoBar = new HBox(8, undone, undo);
        undoBar.setId("undo-bar");
        undoBar.getStyleClass().add("undo-bar");
        undoBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(undone, Priority.ALWAYS);
        Label resolvedTitle = new Label("Recently resolved");
        resolvedTitle.getStyleClass().add("card-title");
        TableView<ConflictRow> resolved = new TableView<>(model.resolved());
        resolved.setId("resolved");
        resolved.setPlaceholder(Cards.placeholder("Resolved conflicts appear here."));
        resolved.getColumns().add(sharing("Kind", 13.8, r -> r.kind().title(), detail));
        resolved.getColumns().add(sharing("Email", 15.4, ConflictRow::email, detail));
        resolved.getColumns().add(sharing("Resolution", 25.4, ConflictRow::resolution, detail));
        resolved.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        resolved.getStyleClass().add("resolved-table");
        VBox.setVgrow(table, Priority.ALWAYS);
        LinkRecordPanel linking = new LinkRecordPanel(model.link());
        VBox.setVgrow(linking, Priority.ALWAYS);
        // While a link is picked the match list takes the inbox's place, so it fits the window at any text size.
        for (javafx.scene.Node inbox : java.util.List.of(table, detail, buttons, undoBar, resolvedTitle, resolved)) {
            // The undo bar and the detail box take room only when they have something to say.
            javafx.beans.value.ObservableBooleanValue shown = inbox == undoBar
                    ? model.undoMessageProperty()
                            .isNotEmpty()
                            .and(model.link().openProperty().not())
                    : inbox == detail
                            ? model.detailProperty()
                                    .isNotEmpty()
                                    .and(model.link().openProperty().not())
                            : model.link().openProperty().not();
            inbox.visibleProperty().unbind();
            inbox.visibleProperty().bind(shown);
            inbox.managedProperty().unbind();
            inbox.managedProperty().bind(inbox.visibleProperty());
        }
        VBox right = Cards.card("Conflicts", table, detail, buttons, undoBar, resolvedTitle, resolved, linking);
        ((Label) right.getChildren().get(0))
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.kindProperty().get() == null
                                ? "Conflicts"
                                : model.kindProperty().get().title(),
                        model.kindProperty()));
        HBox.setHgrow(right, Priority.ALWAYS);
        // The inbox gives way (its tables and buttons wrap or scroll) so that the kinds stay whole in a narrow window.
        right.setMinWidth(0);
        // Side by side while the inbox has room for its buttons; at large text in a small window the kinds go on
        // top, so no action is pushed past the window's edge.
        HBox sideBySide = new HBox(16);
        VBox stacked = new VBox(16);
        VBox.setVgrow(sideBySide, Priority.ALWAYS);
        VBox.setVgrow(stacked, Priority.ALWAYS);
        VBox.setVgrow(right, Priority.ALWAYS);
        Runnable arrange =
                () -> arrange(left, right, sideBySide, stacked, detail.getFont().getSize());
        // Moved between the two layouts after the layout pass that found the new width, never during it.
        widthProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(arrange));
        detail.fontProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(arrange));
        arrange.run();
    }

    private void arrange(VBox left, VBox right, HBox sideBySide, VBox stacked, double em) {
        boolean narrow = getWidth() > 0 && getWidth() < left.prefWidth(-1) + 30 * em;
        javafx.scene.layout.Pane wanted = narrow ? stacked : sideBySide;
        if (getChildren().contains(wanted)) {
            return;
        }
        sideBySide.getChildren().clear();
        stacked.getChildren().clear();
        wanted.getChildren().addAll(left, right);
        getStyleClass().removeAll("conflicts-stacked");
        if (narrow) {
            getStyleClass().add("conflicts-stacked");
        }
        getChildren().setAll(wanted);
    }

    private void drawActions() {
        buttons.getChildren().clear();
        for (ConflictsViewModel.Action action : model.actions()) {
            Button button = new Button(action.label());
            button.setId("action-" + action.key());
            button.setOnAction(e -> model.act(action));
            if (!action.key().equals("layout-steps")) {
                button.disableProperty().bind(Bindings.isEmpty(model.selection()));
            }
            if (action.key().equals("keep-unsubscribed") || action.key().equals("retry")) {
                button.getStyleClass().add("primary");
                button.setGraphic(Icons.of(action.key().equals("retry") ? "run" : "check"));
            }
            buttons.getChildren().add(button);
        }
    }

    /** A kind with its count; the title wraps rather than being cut off at large text sizes. */
    private static final class KindCell extends ListCell<ConflictKind> {
        private final ConflictsViewModel model;
        private final Label count = new Label();

        KindCell(ConflictsViewModel model) {
            this.model = model;
            setWrapText(true);
            // Without this the list measures the unwrapped title and scrolls sideways instead of wrapping.
            setPrefWidth(0);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            getStyleClass().add("conflict-kind");
        }

        @Override
        protected void updateItem(ConflictKind item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            long n = model.counts().getOrDefault(item, 0L);
            setText(item.title());
            setId("kind-" + item.key());
            count.setText(String.valueOf(n));
            count.getStyleClass().setAll("label", n > 0 ? "count-badge" : "count-zero");
            count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            setGraphic(count);
        }
    }

    /** @param ems its width, never less, in em of {@code text}'s font: the window's text size */
    private static TableColumn<ConflictRow, String> keeping(
            String title, double ems, Function<ConflictRow, String> value, Label text) {
        TableColumn<ConflictRow, String> column = column(title, value);
        Ems.width(column, ems, text);
        return column;
    }

    /** @param ems its width to start with, in em of {@code text}'s font: the window's text size */
    private static TableColumn<ConflictRow, String> sharing(
            String title, double ems, Function<ConflictRow, String> value, Label text) {
        TableColumn<ConflictRow, String> column = column(title, value);
        Ems.prefWidth(column, ems, text);
        return column;
    }

    private static TableColumn<ConflictRow, String> column(String title, Function<ConflictRow, String> value) {
        TableColumn<ConflictRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        WholeTextCell.on(column);
        return column;
    }
}
