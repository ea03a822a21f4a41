package com.unsubscribesync.ui.history;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Ems;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Sync history screen. */
public final class SyncHistoryView extends VBox {
    // The runs list's own column titles; short, so the key stays on one line at large text.
    static final String IMPORTED = "Imported";
    static final String PUSHED = "Pushed";

    private final SyncHistoryViewModel model;
    private final XYChart.Series<String, Number> imported = new XYChart.Series<>();
    private final XYChart.Series<String, Number> pushed = new XYChart.Series<>();

    /** @param detail the run opened from the list (double-click, Enter or Open run) */
    public SyncHistoryView(SyncHistoryViewModel model, RunDetailViewModel detail) {
        super(16);
        this.model = model;
        getStyleClass().add("page");
        TableView<RunRow> table = new TableView<>(model.runs());
        table.setId("runs");
        table.setPlaceholder(Cards.placeholder("No run yet. Run the sync from the Integrations tab."));
        Label hint = Cards.text(
                "Open a run to see what it pulled, pushed, imported and failed on, its API calls and "
                        + "how long it took.",
                "note");
        // Pulled, API calls and duration are in the opened run: at 1024 px the list keeps what tells runs apart.
        table.getColumns().add(column("Run", 3, RunRow::id, hint));
        table.getColumns().add(column("Started", 10, RunRow::started, hint));
        table.getColumns().add(column("From", 11, RunRow::trigger, hint));
        table.getColumns().add(column("Outcome", 7, RunRow::outcome, hint));
        table.getColumns().add(column("Imported", 6, RunRow::imported, hint));
        table.getColumns().add(column("Pushed", 4.7, RunRow::pushed, hint));
        table.getColumns().add(column("Failed", 4, RunRow::failed, hint));
        table.getColumns().add(column("Conflicts", 5.5, RunRow::conflicts, hint));
        table.getColumns().add(column("Errors", 6, RunRow::message, hint));
        Ems.fillLast(table, 6, hint);

        CategoryAxis runs = new CategoryAxis();
        runs.setLabel("Run");
        // The count needs no axis title (the card's title says what is counted): at large text in a short window
        // there is no height left for one, and JavaFX would show it cut to "Peo…".
        NumberAxis count = new NumberAxis();
        BarChart<String, Number> chart = new BarChart<>(runs, count);
        chart.setId("runs-chart");
        chart.setAnimated(false);
        chart.setCategoryGap(40);
        // JavaFX drops a chart's own legend when the chart is short (as at 1024 x 700), so the key sits above it.
        chart.setLegendVisible(false);
        chart.getStyleClass().add("runs-chart");
        imported.setName(IMPORTED);
        pushed.setName(PUSHED);
        chart.getData().add(imported);
        chart.getData().add(pushed);
        model.chart().addListener((ListChangeListener<SyncHistoryViewModel.RunPoint>) c -> plot());
        plot();

        Button open = new Button("Open run");
        open.setId("open-run");
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        open.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> {
                            RunRow selected = table.getSelectionModel().getSelectedItem();
                            return selected == null ? "Open run" : "Open run #" + selected.id();
                        },
                        table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> openSelected(table, detail));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                openSelected(table, detail);
                e.consume();
            }
        });
        table.setRowFactory(view -> {
            TableRow<RunRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    detail.open(row.getItem().id());
                }
            });
            return row;
        });
        HBox actions = new HBox(12, open, hint);
        actions.getStyleClass().add("toolbar");
        HBox.setHgrow(hint, Priority.ALWAYS);

        VBox.setVgrow(table, Priority.ALWAYS);
        VBox tableCard = Cards.card("Runs", actions, table);
        VBox.setVgrow(tableCard, Priority.ALWAYS);
        VBox list = new VBox(16, Cards.card("Unsubscribes imported and pushed per run", key(), chart), tableCard);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox.setVgrow(tableCard, Priority.ALWAYS);
        RunDetailView opened = new RunDetailView(detail);
        VBox.setVgrow(opened, Priority.ALWAYS);
        getChildren().setAll(list);
        detail.showingProperty().addListener((o, was, now) -> {
            getChildren().setAll(now ? opened : list);
            if (!now) {
                table.requestFocus();
            }
        });
    }

    private static void openSelected(TableView<RunRow> table, RunDetailViewModel detail) {
        RunRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            detail.open(selected.id());
        }
    }

    private void plot() {
        imported.getData()
                .setAll(model.chart().stream()
                        .map(p -> new XYChart.Data<String, Number>(p.label(), p.imported()))
                        .toList());
        pushed.getData()
                .setAll(model.chart().stream()
                        .map(p -> new XYChart.Data<String, Number>(p.label(), p.pushed()))
                        .toList());
    }

    /** What each bar colour means, in the colours the chart's stylesheet gives its two series. */
    private static FlowPane key() {
        FlowPane key = new FlowPane(24, 4, keyItem(IMPORTED, "default-color0"), keyItem(PUSHED, "default-color1"));
        key.setId("runs-chart-key");
        key.getStyleClass().add("chart-key");
        return key;
    }

    private static Label keyItem(String series, String colour) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("chart-key-swatch", colour);
        Label item = new Label(series, swatch);
        item.getStyleClass().add("chart-key-item");
        return item;
    }

    private static <T> TableColumn<RunRow, T> column(String title, double ems, Function<RunRow, T> value, Label text) {
        TableColumn<RunRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(value.apply(cell.getValue())));
        Ems.width(column, ems, text);
        return column;
    }
}
