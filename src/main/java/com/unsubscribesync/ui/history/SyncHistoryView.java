package com.unsubscribesync.ui.history;

import com.unsubscribesync.ui.Cards;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Sync history screen. */
public final class SyncHistoryView extends VBox {
    private final SyncHistoryViewModel model;
    private final XYChart.Series<String, Number> imported = new XYChart.Series<>();
    private final XYChart.Series<String, Number> pushed = new XYChart.Series<>();

    public SyncHistoryView(SyncHistoryViewModel model) {
        super(16);
        this.model = model;
        getStyleClass().add("page");
        TableView<RunRow> table = new TableView<>(model.runs());
        table.setId("runs");
        table.setPlaceholder(new Label("No run yet. Run the sync from the Integrations tab."));
        table.getColumns().add(column("Started", 135, RunRow::started));
        table.getColumns().add(column("Trigger", 80, RunRow::trigger));
        table.getColumns().add(column("Outcome", 110, RunRow::outcome));
        table.getColumns().add(column("Pulled", 70, RunRow::pulled));
        table.getColumns().add(column("Imported", 85, RunRow::imported));
        table.getColumns().add(column("Pushed", 70, RunRow::pushed));
        table.getColumns().add(column("Conflicts", 85, RunRow::conflicts));
        table.getColumns().add(column("API calls", 85, RunRow::apiCalls));
        table.getColumns().add(column("Duration", 85, RunRow::duration));
        table.getColumns().add(column("Errors", 200, RunRow::message));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        CategoryAxis runs = new CategoryAxis();
        runs.setLabel("Run");
        NumberAxis count = new NumberAxis();
        count.setLabel("Unsubscribes");
        BarChart<String, Number> chart = new BarChart<>(runs, count);
        chart.setId("runs-chart");
        chart.setAnimated(false);
        chart.setCategoryGap(40);
        chart.setLegendVisible(true);
        chart.setPrefHeight(260);
        chart.setMinHeight(220);
        imported.setName("Imported from Salesforce");
        pushed.setName("Pushed to Salesforce");
        chart.getData().add(imported);
        chart.getData().add(pushed);
        model.chart().addListener((ListChangeListener<SyncHistoryViewModel.RunPoint>) c -> plot());
        plot();

        VBox.setVgrow(table, Priority.ALWAYS);
        VBox tableCard = Cards.card("Runs", table);
        VBox.setVgrow(tableCard, Priority.ALWAYS);
        getChildren().addAll(Cards.card("Unsubscribes imported and pushed per run", chart), tableCard);
    }

    private void plot() {
        imported.getData().setAll(model.chart().stream()
                .map(p -> new XYChart.Data<String, Number>(p.label(), p.imported())).toList());
        pushed.getData().setAll(model.chart().stream()
                .map(p -> new XYChart.Data<String, Number>(p.label(), p.pushed())).toList());
    }

    private static <T> TableColumn<RunRow, T> column(String title, double width, Function<RunRow, T> value) {
        TableColumn<RunRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
