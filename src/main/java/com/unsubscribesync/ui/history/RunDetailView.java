package com.unsubscribesync.ui.history;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Ems;
import com.unsubscribesync.ui.WholeTextCell;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A run opened from the history: what it pushed, imported and failed on, each record a link into Salesforce. */
final class RunDetailView extends VBox {
    private final RunDetailViewModel model;
    /** Always shown, so its font follows the window's text size: column widths are in its em. */
    private final Label summary = Cards.text("");

    RunDetailView(RunDetailViewModel model) {
        super(12);
        this.model = model;
        setId("run-detail");
        Button back = new Button("← All runs");
        back.setId("run-back");
        back.setOnAction(e -> model.close());
        back.setCancelButton(true);
        back.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label title = Cards.text("", "card-title");
        title.setId("run-title");
        title.textProperty().bind(model.titleProperty());
        HBox header = new HBox(12, back, title);
        header.getStyleClass().add("toolbar");
        HBox.setHgrow(title, Priority.ALWAYS);

        summary.setId("run-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label message = Cards.text("", "note");
        message.setId("run-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        TabPane lists = new TabPane(
                list(model.pushedTitleProperty(), "run-pushed", model.pushed(), model.morePushedProperty(), false),
                list(
                        model.importedTitleProperty(),
                        "run-imported",
                        model.imported(),
                        model.moreImportedProperty(),
                        false),
                list(model.failedTitleProperty(), "run-failed", model.failed(), model.moreFailedProperty(), true));
        lists.setId("run-lists");
        lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(lists, Priority.ALWAYS);

        VBox card = Cards.card("What this run did", summary, message, lists);
        VBox.setVgrow(card, Priority.ALWAYS);
        getChildren().addAll(header, card);
    }

    private Tab list(
            ReadOnlyStringProperty title,
            String id,
            ObservableList<RecordRow> rows,
            ReadOnlyStringProperty more,
            boolean withStatus) {
        Label moreLabel = Cards.text("", "note");
        TableView<RecordRow> table = new TableView<>(rows);
        table.setId(id);
        table.setPlaceholder(Cards.placeholder("None in this run."));
        table.getColumns().add(column("Object", 6, RecordRow::object, summary));
        TableColumn<RecordRow, RecordRow> record = new TableColumn<>("Record");
        record.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue()));
        record.setCellFactory(column -> new LinkCell());
        Ems.width(record, 13, summary);
        table.getColumns().add(record);
        table.getColumns().add(column("Email", withStatus ? 16 : 20, RecordRow::email, summary));
        if (withStatus) {
            table.getColumns().add(column("Salesforce said", 16, RecordRow::status, summary));
        }
        Ems.fillLast(table, 16, summary);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                model.openInSalesforce(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && table.getSelectionModel().getSelectedItem() != null) {
                model.openInSalesforce(table.getSelectionModel().getSelectedItem());
            }
        });
        moreLabel.setId(id + "-more");
        moreLabel.textProperty().bind(more);
        moreLabel.visibleProperty().bind(more.isNotEmpty());
        moreLabel.managedProperty().bind(moreLabel.visibleProperty());
        // A few rows always show; at large text the page scrolls rather than squeeze the records away.
        table.getStyleClass().add("run-records");
        VBox content = new VBox(8, table, moreLabel);
        VBox.setVgrow(table, Priority.ALWAYS);
        Tab tab = new Tab();
        tab.setId(id + "-tab");
        tab.textProperty().bind(title);
        tab.setContent(content);
        return tab;
    }

    private static TableColumn<RecordRow, String> column(
            String title, double ems, Function<RecordRow, String> value, Label text) {
        TableColumn<RecordRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        WholeTextCell.on(column);
        Ems.width(column, ems, text);
        return column;
    }

    /** The record id as a link to its page in Salesforce. */
    private final class LinkCell extends TableCell<RecordRow, RecordRow> {
        @Override
        protected void updateItem(RecordRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Hyperlink link = new Hyperlink(row.recordId());
            link.getStyleClass().add("record-link");
            link.setOnAction(e -> model.openInSalesforce(row));
            link.setFocusTraversable(false);
            setGraphic(link);
            setText(null);
        }
    }
}
