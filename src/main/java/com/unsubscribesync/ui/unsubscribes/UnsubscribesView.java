package com.unsubscribesync.ui.unsubscribes;

import com.unsubscribesync.store.ListQuery;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import com.unsubscribesync.ui.WholeTextCell;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The Unsubscribes tab. */
public final class UnsubscribesView extends BorderPane {
    private static final PseudoClass RESUBSCRIBED = PseudoClass.getPseudoClass("resubscribed");
    private final UnsubscribesViewModel model;
    private final Label searchLabel = new Label("_Search", Icons.of("search"));

    public UnsubscribesView(UnsubscribesViewModel model) {
        this.model = model;
        getStyleClass().add("page");
        setTop(toolbar());
        TableView<UnsubscribeRow> table = table();
        // With large text the card may be taller than the window: it scrolls on its own, its actions first.
        javafx.scene.control.ScrollPane card = new javafx.scene.control.ScrollPane(historyCard());
        card.setFitToWidth(true);
        card.setFitToHeight(true);
        card.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        card.getStyleClass().add("history-scroll");
        card.setId("history-scroll");
        HBox.setHgrow(table, Priority.ALWAYS);
        // The list gives way to the card in a narrow window (it scrolls sideways), so the card's actions stay in view.
        table.setMinWidth(0);
        HBox body = new HBox(table, card);
        body.getStyleClass().add("unsubscribes-body");
        setCenter(body);
    }

    /** Wraps onto a second line when the text is large, so no button leaves the window. */
    private FlowPane toolbar() {
        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("Part of an address, name or domain…");
        search.getStyleClass().add("unsubscribes-search");
        search.textProperty().bindBidirectional(model.searchProperty());
        searchLabel.setMnemonicParsing(true);
        searchLabel.setLabelFor(search);
        ToggleGroup filter = new ToggleGroup();
        HBox filters = new HBox(
                filterButton(filter, "All", "filter-all", ListQuery.Shown.ALL),
                filterButton(filter, "Unsubscribed", "filter-unsubscribed", ListQuery.Shown.UNSUBSCRIBED),
                filterButton(filter, "Resubscribed", "filter-resubscribed", ListQuery.Shown.RESUBSCRIBED));
        filters.getStyleClass().add("segmented");
        // One filter is always chosen: clicking the chosen one again keeps it.
        filter.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                filter.selectToggle(was);
            }
        });
        Label total = new Label();
        total.setId("total");
        total.getStyleClass().add("muted");
        total.textProperty().bind(model.totalProperty());
        Button add = new Button("_Add…", Icons.of("add"));
        add.setId("add");
        add.getStyleClass().add("primary");
        add.setOnAction(e -> model.add());
        Button importCsv = new Button("_Import CSV…", Icons.of("import"));
        importCsv.setId("import");
        importCsv.setOnAction(e -> model.importCsv());
        Button export = new Button("E_xport list…");
        export.setId("export-list");
        export.setOnAction(e -> model.exportList());
        for (Labeled labeled : List.of(searchLabel, total, add, importCsv, export)) {
            labeled.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox searchBox = new HBox(searchLabel, search);
        searchBox.getStyleClass().add("toolbar-group");
        // Each button wraps on its own, so at large text in a narrow window none is pushed past the edge.
        FlowPane bar = new FlowPane(searchBox, filters, total, add, importCsv, export);
        bar.getStyleClass().addAll("toolbar", "unsubscribes-toolbar");
        return bar;
    }

    private ToggleButton filterButton(ToggleGroup group, String text, String id, ListQuery.Shown shown) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setSelected(model.shownProperty().get() == shown);
        button.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.shownProperty().set(shown);
            }
        });
        return button;
    }

    private TableView<UnsubscribeRow> table() {
        TableView<UnsubscribeRow> table = new TableView<>();
        table.setId("unsubscribes");
        table.setPlaceholder(
                Cards.placeholder("No one matches. Add an unsubscribe, import a CSV file or change the search."));
        TableColumn<UnsubscribeRow, String> email = column("Email", "column-email", UnsubscribeRow::emailProperty);
        TableColumn<UnsubscribeRow, String> name = column("Name", "column-name", UnsubscribeRow::nameProperty);
        // No person has a name (nothing read from Salesforce yet): the column would only take room.
        name.visibleProperty().bind(model.namesKnownProperty());
        table.getColumns().add(email);
        table.getColumns().add(name);
        // The date and source first: the Salesforce record is the part an admin can scroll to at 1024 wide.
        table.getColumns().add(column("Date", "column-date", UnsubscribeRow::dateProperty));
        table.getColumns()
                .add(column(
                        "Source",
                        "column-source",
                        row -> javafx.beans.binding.Bindings.when(row.resubscribedProperty())
                                .then("Resubscribed")
                                .otherwise(row.sourceProperty())));
        table.getColumns().add(column("Object", "column-object", UnsubscribeRow::objectProperty));
        table.getColumns().add(column("Salesforce ID", "column-id", UnsubscribeRow::salesforceIdProperty));
        // The row height comes from the stylesheet (-fx-fixed-cell-size in em), so it grows with the text.
        table.getStyleClass().add("unsubscribes-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            private final javafx.beans.value.ChangeListener<Boolean> mark =
                    (o, was, now) -> pseudoClassStateChanged(RESUBSCRIBED, now);

            @Override
            protected void updateItem(UnsubscribeRow row, boolean empty) {
                if (getItem() != null) {
                    getItem().resubscribedProperty().removeListener(mark);
                }
                super.updateItem(row, empty);
                boolean resubscribed =
                        !empty && row != null && row.resubscribedProperty().get();
                pseudoClassStateChanged(RESUBSCRIBED, resubscribed);
                if (!empty && row != null) {
                    row.resubscribedProperty().addListener(mark);
                }
            }
        });
        table.setItems(model.rows());
        searchLabel.fontProperty().addListener((o, was, now) -> fitColumns(table, now));
        fitColumns(table, searchLabel.getFont());
        model.searchProperty()
                .addListener((o, was, now) -> table.getSelectionModel().clearSelection());
        model.shownProperty()
                .addListener((o, was, now) -> table.getSelectionModel().clearSelection());
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, was, row) -> model.selectedProperty().set(row));
        // The model lets go of a row that came to hold another person; the table must not keep it highlighted.
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null && table.getSelectionModel().getSelectedItem() != null) {
                table.getSelectionModel().clearSelection();
            }
        });
        return table;
    }

    /**
     * Dates, ids, objects and sources are as wide as their longest value in the current text size, so they are never
     * cut off; the Email column takes the rest (and the table scrolls sideways before anything is truncated).
     */
    private static void fitColumns(TableView<UnsubscribeRow> table, Font font) {
        String[] widest = {"", "", "30 Sep 2026 23:59", "Salesforce Sync", "Contact", "003000000000000AAA"};
        for (int i = 1; i < table.getColumns().size(); i++) {
            TableColumn<UnsubscribeRow, ?> column = table.getColumns().get(i);
            String sample = i == 1 ? "Fatima Lindqvist" : widest[i];
            double width = Math.max(textWidth(sample, font), textWidth(column.getText(), font)) + font.getSize() * 0.9;
            column.setMinWidth(width);
            column.setPrefWidth(width);
            column.setMaxWidth(i == 1 ? width * 2 : width);
        }
        table.getColumns().get(0).setMinWidth(textWidth("maria.castillo@example.com", font));
        table.getColumns().get(0).setPrefWidth(textWidth("maria.castillo@example.com", font) * 1.1);
    }

    private static double textWidth(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return Math.ceil(measured.getLayoutBounds().getWidth());
    }

    private static TableColumn<UnsubscribeRow, String> column(
            String title, String id, Function<UnsubscribeRow, ObservableValue<String>> value) {
        TableColumn<UnsubscribeRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        WholeTextCell.on(column);
        column.setSortable(false);
        return column;
    }

    private VBox historyCard() {
        Label person = Cards.text("", "muted");
        person.setId("history-person");
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
                action.setWrapText(true);
                action.getStyleClass()
                        .add(line.action().equals("Resubscribe") ? "history-resubscribe" : "history-unsubscribe");
                Label meta = Cards.text(line.when() + " · " + line.actor(), "muted");
                VBox box = new VBox(action, meta);
                box.getStyleClass().add("history-line");
                if (!line.reason().isEmpty()) {
                    box.getChildren().add(Cards.text("“" + line.reason() + "”", "help"));
                }
                // As wide as the list, so the text wraps inside it instead of running under its edge.
                box.prefWidthProperty()
                        .bind(list.widthProperty()
                                .subtract(list.getInsets().getLeft()
                                        + list.getInsets().getRight()
                                        + 24));
                box.setMaxWidth(Region.USE_PREF_SIZE);
                setGraphic(box);
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        Button resubscribe = new Button("_Resubscribe…", Icons.of("resubscribe"));
        resubscribe.setId("resubscribe");
        resubscribe.disableProperty().bind(model.canResubscribeProperty().not());
        resubscribe.setOnAction(e -> model.resubscribe());
        Button uncheck = new Button("_Uncheck in Salesforce…");
        uncheck.setId("uncheck-salesforce");
        uncheck.disableProperty().bind(model.canUncheckProperty().not());
        uncheck.setOnAction(e -> model.uncheckInSalesforce());
        Button export = new Button("Export _history…");
        export.setId("export-history");
        export.disableProperty().bind(model.cardProperty().isNull());
        export.setOnAction(e -> model.exportHistory());
        VBox actions = new VBox(resubscribe, uncheck, export);
        actions.getStyleClass().add("history-actions");
        for (Button button : List.of(resubscribe, uncheck, export)) {
            button.setMaxWidth(Double.MAX_VALUE);
            button.setWrapText(true);
            button.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox card = Cards.card("History", actions, person, lines);
        Label title = (Label) card.getChildren().get(0);
        title.setId("history-title");
        // The address breaks after its @ or dots, never inside a word.
        title.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> Wrapping.fit(
                                model.historyTitleProperty().get(),
                                title.getFont(),
                                card.getWidth()
                                        - card.getInsets().getLeft()
                                        - card.getInsets().getRight()
                                        - 2),
                        model.historyTitleProperty(),
                        title.fontProperty(),
                        card.widthProperty()));
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        person.setMinHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("history-card");
        card.setId("history-card");
        return card;
    }
}
