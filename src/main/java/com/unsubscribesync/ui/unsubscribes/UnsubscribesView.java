package com.unsubscribesync.ui.unsubscribes;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Unsubscribes tab. */
public final class UnsubscribesView extends BorderPane {
    private final UnsubscribesViewModel model;

    public UnsubscribesView(UnsubscribesViewModel model) {
        this.model = model;
        getStyleClass().add("page");
        setTop(toolbar());
        TableView<UnsubscribeRow> table = table();
        VBox card = historyCard();
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(12, table, card);
        body.setPadding(new javafx.geometry.Insets(12, 0, 0, 0));
        setCenter(body);
    }

    private HBox toolbar() {
        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("Search by email…");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(model.searchProperty());
        Label searchLabel = new Label("_Search", Icons.of("search"));
        searchLabel.setMnemonicParsing(true);
        searchLabel.setLabelFor(search);
        Label total = new Label();
        total.setId("total");
        total.getStyleClass().add("muted");
        total.textProperty().bind(model.totalProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = new Button("_Add…", Icons.of("add"));
        add.setId("add");
        add.getStyleClass().add("primary");
        add.setOnAction(e -> model.add());
        Button importCsv = new Button("_Import CSV…", Icons.of("import"));
        importCsv.setId("import");
        importCsv.setOnAction(e -> model.importCsv());
        Button resubscribe = new Button("_Resubscribe…", Icons.of("resubscribe"));
        resubscribe.setId("resubscribe");
        resubscribe.disableProperty().bind(model.selectedProperty().isNull());
        resubscribe.setOnAction(e -> model.resubscribe());
        // Bigger text takes width from the search field, never from the words on the buttons.
        search.setMinWidth(120);
        HBox.setHgrow(search, Priority.SOMETIMES);
        for (javafx.scene.control.Labeled labeled : java.util.List.of(searchLabel, total, add, importCsv, resubscribe)) {
            labeled.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, searchLabel, search, total, spacer, add, importCsv, resubscribe);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private TableView<UnsubscribeRow> table() {
        TableView<UnsubscribeRow> table = new TableView<>();
        table.setId("unsubscribes");
        table.setPlaceholder(new Label("No unsubscribes yet. Add one or import a CSV file."));
        table.getColumns().add(column("Email", 228, UnsubscribeRow::emailProperty));
        table.getColumns().add(column("Name", 110, UnsubscribeRow::nameProperty));
        table.getColumns().add(column("Object", 60, UnsubscribeRow::objectProperty));
        table.getColumns().add(column("Salesforce ID", 172, UnsubscribeRow::salesforceIdProperty));
        table.getColumns().add(column("Source", 110, UnsubscribeRow::sourceProperty));
        table.getColumns().add(column("Date", 124, UnsubscribeRow::dateProperty));
        table.setFixedCellSize(28);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.rows());
        model.searchProperty().addListener((o, was, now) -> table.getSelectionModel().clearSelection());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> model.selectedProperty().set(row));
        return table;
    }

    private static TableColumn<UnsubscribeRow, String> column(String title, double width,
            Function<UnsubscribeRow, ObservableValue<String>> value) {
        TableColumn<UnsubscribeRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private VBox historyCard() {
        Label person = Cards.text("", "muted");
        person.textProperty().bind(model.historyPersonProperty());
        ListView<HistoryLine> lines = new ListView<>(model.history());
        lines.setId("history");
        lines.setPlaceholder(new Label(""));
        lines.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryLine line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setGraphic(null);
                    return;
                }
                Label action = new Label(line.action() + " · " + line.source());
                action.getStyleClass().add(line.action().equals("Resubscribe") ? "history-resubscribe"
                        : "history-unsubscribe");
                Label meta = Cards.text(line.when() + " · " + line.actor(), "muted");
                VBox box = new VBox(2, action, meta);
                if (!line.reason().isEmpty()) {
                    box.getChildren().add(Cards.text("“" + line.reason() + "”", "help"));
                }
                box.setMaxWidth(185);
                setGraphic(box);
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        VBox card = Cards.card("History", person, lines);
        Label title = (Label) card.getChildren().get(0);
        title.textProperty().bind(model.historyTitleProperty());
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        card.setPrefWidth(235);
        card.setMinWidth(235);
        card.setId("history-card");
        return card;
    }
}
