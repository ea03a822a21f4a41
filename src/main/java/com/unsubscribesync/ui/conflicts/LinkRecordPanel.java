package com.unsubscribesync.ui.conflicts;

import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.WholeTextCell;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The match list shown in place of the inbox's table while an admin links a person to a record. */
final class LinkRecordPanel extends VBox {

    LinkRecordPanel(LinkRecordModel model) {
        super(8);
        setId("link-panel");
        getStyleClass().add("link-panel");
        Label title = new Label();
        title.setId("link-title");
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.concat("Link ", model.personProperty(), " to a Contact or Lead"));

        HBox searchRow = fieldWithButton(
                "link-search",
                "Email address or name",
                model.searchProperty(),
                "_Search Salesforce",
                "link-search-button",
                model::search);

        Label status = Cards.text("", "note");
        status.setId("link-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        TableView<PersonMatch> matches = new TableView<>(model.matches());
        matches.setId("link-matches");
        matches.setPlaceholder(Cards.placeholder("Search by email address or name."));
        matches.getColumns().add(column("Name", PersonMatch::name));
        matches.getColumns().add(column("Object", m -> m.id().objectType().apiName()));
        matches.getColumns().add(column("Email", m -> m.email().orElse("")));
        matches.getColumns().add(column("ID", m -> m.id().value()));
        matches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        matches.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.chosenProperty().set(now);
            }
        });
        model.chosenProperty().addListener((o, was, now) -> {
            if (now == null) {
                matches.getSelectionModel().clearSelection();
            } else if (now != matches.getSelectionModel().getSelectedItem()) {
                matches.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(matches, Priority.ALWAYS);

        Label warning = Cards.text("", "link-warning");
        warning.setId("link-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        HBox idRow = fieldWithButton(
                "link-id",
                "Or type an ID: 003… or 00Q…",
                model.typedIdProperty(),
                "Check _ID",
                "link-check",
                model::checkTypedId);

        Label error = Cards.text("", "link-error");
        error.setId("link-error");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button openIt = new Button("_Open in Salesforce");
        openIt.setId("link-open");
        openIt.setOnAction(e -> model.openChosen());
        Button confirm = new Button("_Link");
        confirm.setId("link-confirm");
        confirm.getStyleClass().add("primary");
        confirm.setOnAction(e -> model.confirm());
        Button cancel = new Button("Cancel");
        cancel.setId("link-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        openIt.disableProperty().bind(model.chosenProperty().isNull());
        confirm.disableProperty().bind(model.chosenProperty().isNull());
        FlowPane actions = new FlowPane(8, 8, confirm, openIt, cancel);

        getChildren().addAll(title, searchRow, status, matches, warning, idRow, error, actions);
        visibleProperty().bind(model.openProperty());
        managedProperty().bind(visibleProperty());
    }

    private static TableColumn<PersonMatch, String> column(String title, Function<PersonMatch, String> value) {
        TableColumn<PersonMatch, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        WholeTextCell.on(column);
        return column;
    }

    /** A text box and the button that acts on it (Enter in the box does the same); the button keeps its words. */
    private static HBox fieldWithButton(
            String fieldId,
            String prompt,
            javafx.beans.property.StringProperty text,
            String buttonText,
            String buttonId,
            Runnable action) {
        TextField field = new TextField();
        field.setId(fieldId);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(text);
        field.setOnAction(e -> action.run());
        Button button = new Button(buttonText);
        button.setId(buttonId);
        button.setOnAction(e -> action.run());
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(8, field, button);
    }
}
