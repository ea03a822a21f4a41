package com.unsubscribesync.ui.conflicts;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
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
public final class ConflictsView extends HBox {
    private final ConflictsViewModel model;
    private final FlowPane buttons = new FlowPane(8, 8);

    public ConflictsView(ConflictsViewModel model) {
        super(16);
        this.model = model;
        getStyleClass().add("page");
        ListView<ConflictsViewModel.KindCount> kinds = new ListView<>(model.kinds());
        kinds.setId("conflict-kinds");
        kinds.setPrefWidth(215);
        kinds.setMinWidth(215);
        kinds.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConflictsViewModel.KindCount item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.kind().title());
                Label count = new Label(empty || item == null ? "" : String.valueOf(item.count()));
                count.getStyleClass().add(item != null && item.count() > 0 ? "count-badge" : "count-zero");
                setGraphic(empty || item == null ? null : count);
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                setGraphicTextGap(8);
            }
        });
        kinds.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.kind() != model.kindProperty().get()) {
                model.kindProperty().set(now.kind());
            }
        });
        model.kinds().addListener((ListChangeListener<ConflictsViewModel.KindCount>) c -> kinds.getItems().stream()
                .filter(k -> k.kind() == model.kindProperty().get()).findFirst()
                .ifPresent(k -> kinds.getSelectionModel().select(k)));
        VBox left = Cards.card("Pending conflicts", kinds);
        VBox.setVgrow(kinds, Priority.ALWAYS);

        TableView<ConflictRow> table = new TableView<>(model.open());
        table.setId("conflicts");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Nothing to look at here."));
        table.getColumns().add(column("Email", 165, ConflictRow::email));
        table.getColumns().add(column("Record", 200, ConflictRow::record));
        table.getColumns().add(column("Status code", 250, ConflictRow::statusCode));
        table.getColumns().add(column("Since", 130, ConflictRow::created));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ConflictRow>) c ->
                model.selection().setAll(table.getSelectionModel().getSelectedItems()));
        Label detail = Cards.text("", "detail");
        detail.setId("conflict-detail");
        detail.textProperty().bind(model.detailProperty());
        model.actions().addListener((ListChangeListener<ConflictsViewModel.Action>) c -> drawActions());
        drawActions();
        Label resolvedTitle = new Label("Recently resolved");
        resolvedTitle.getStyleClass().add("card-title");
        TableView<ConflictRow> resolved = new TableView<>(model.resolved());
        resolved.setId("resolved");
        resolved.setPlaceholder(new Label("Resolved conflicts appear here."));
        resolved.getColumns().add(column("Kind", 180, r -> r.kind().title()));
        resolved.getColumns().add(column("Email", 200, ConflictRow::email));
        resolved.getColumns().add(column("Resolution", 330, ConflictRow::resolution));
        resolved.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        resolved.setPrefHeight(150);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox right = Cards.card("Conflicts", table, detail, buttons, resolvedTitle, resolved);
        ((Label) right.getChildren().get(0)).textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.kindProperty().get() == null ? "Conflicts" : model.kindProperty().get().title(),
                model.kindProperty()));
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
    }

    private void drawActions() {
        buttons.getChildren().clear();
        for (ConflictsViewModel.Action action : model.actions()) {
            Button button = new Button(action.label());
            button.setId("action-" + action.key());
            button.setOnAction(e -> model.act(action));
            if (action.key().equals("keep-unsubscribed") || action.key().equals("retry")) {
                button.getStyleClass().add("primary");
                button.setGraphic(Icons.of(action.key().equals("retry") ? "run" : "check"));
            }
            buttons.getChildren().add(button);
        }
    }

    private static TableColumn<ConflictRow, String> column(String title, double width,
            Function<ConflictRow, String> value) {
        TableColumn<ConflictRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
