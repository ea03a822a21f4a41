package com.unsubscribesync.ui.intake;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Copying;
import com.unsubscribesync.ui.Ems;
import com.unsubscribesync.ui.Icons;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Links & keys screen: the intake's state, the intake API's keys and a link for one address. */
public final class IntakeView extends VBox {

    public IntakeView(IntakeViewModel model) {
        super(16);
        getStyleClass().add("page");
        getChildren().addAll(intake(model), keys(model), linkMaker(model));
    }

    private static Node intake(IntakeViewModel model) {
        VBox listening = new VBox(4);
        listening.setId("intake-listening");
        Runnable draw = () -> listening
                .getChildren()
                .setAll(model.intakes().stream()
                        .map(at -> Cards.text("Listening on " + at, "state"))
                        .toList());
        model.intakes().addListener((ListChangeListener<String>) change -> draw.run());
        draw.run();
        listening.visibleProperty().bind(model.runningProperty());
        listening.managedProperty().bind(listening.visibleProperty());

        Label none = Cards.text("No intake running: start one with this command on this computer (the links' clicks "
                + "and the API's requests reach this data directory through it):");
        TextField command = readOnly("start-command", new SimpleStringProperty(model.startCommand()));
        VBox start = new VBox(6, none, line(command, Copying.button("copy-start-command", command.textProperty())));
        start.setId("intake-none");
        start.visibleProperty().bind(model.runningProperty().not());
        start.managedProperty().bind(start.visibleProperty());

        Label clicks = Cards.text("", "help");
        clicks.setId("intake-clicks");
        clicks.textProperty().bind(model.clicksProperty());
        Label refusals = Cards.text("", "help");
        refusals.setId("intake-refusals");
        refusals.textProperty().bind(model.refusalsProperty());
        refusals.visibleProperty().bind(model.refusalsProperty().isNotEmpty());
        refusals.managedProperty().bind(refusals.visibleProperty());
        return Cards.card("Intake", listening, start, clicks, refusals);
    }

    private static Node keys(IntakeViewModel model) {
        TextField name = new TextField();
        name.setId("key-name");
        name.setPromptText("e.g. crm");
        name.setPrefColumnCount(10);
        name.textProperty().bindBidirectional(model.keyNameProperty());
        name.setOnAction(e -> model.createKey());
        Button create = new Button("Create _key", Icons.of("add"));
        create.setId("create-key");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> model.createKey());
        Label problem = problem("key-problem", model.keyProblemProperty());

        TableView<ApiKeyRow> table = new TableView<>(model.keys());
        table.setId("api-keys");
        table.getStyleClass().add("api-keys");
        table.setPlaceholder(Cards.placeholder("No API keys yet: name one above and create it."));
        Label hint = Cards.text(
                "Systems that send unsubscribes to POST /api/unsubscribes present a key; each key's requests show "
                        + "as api:NAME in history.",
                "help");
        table.getColumns().add(column("Name", 8, ApiKeyRow::name, hint));
        table.getColumns().add(column("Created", 10, ApiKeyRow::created, hint));
        table.getColumns().add(column("Last used", 10, ApiKeyRow::lastUsed, hint));
        table.getColumns().add(column("Uses", 4, ApiKeyRow::uses, hint));
        table.getColumns().add(column("Revoked", 10, ApiKeyRow::revoked, hint));
        Ems.fillLast(table, 10, hint);

        Button revoke = new Button("Re_voke…", Icons.of("stop"));
        revoke.setId("revoke-key");
        revoke.setMinWidth(Region.USE_PREF_SIZE);
        revoke.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            ApiKeyRow selected = table.getSelectionModel().getSelectedItem();
                            return selected == null || !selected.active();
                        },
                        table.getSelectionModel().selectedItemProperty()));
        revoke.setOnAction(e -> {
            ApiKeyRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.revoke(selected);
            }
        });
        // At large text on a small window the buttons go to a line of their own instead of pushing the page wide.
        HBox named = new HBox(10, label("_Name", name), name);
        named.getStyleClass().add("toolbar");
        javafx.scene.layout.FlowPane creating = new javafx.scene.layout.FlowPane(named, create, revoke);
        creating.getStyleClass().add("keys-toolbar");
        return Cards.card("Intake API keys", hint, creating, problem, table);
    }

    private static Node linkMaker(IntakeViewModel model) {
        TextField base = field("base-url", "https://unsubscribe.example.com", model.baseUrlProperty());
        TextField email = field("link-email", "ann@example.com", model.emailProperty());
        TextField campaign = field("link-campaign", "optional, e.g. spring", model.campaignProperty());
        Button make = new Button("_Make link", Icons.of("run"));
        make.setId("make-link");
        make.getStyleClass().add("primary");
        make.setMinWidth(Region.USE_PREF_SIZE);
        make.setOnAction(e -> model.makeLink());
        for (TextField typed : new TextField[] {base, email, campaign}) {
            typed.setOnAction(e -> model.makeLink());
        }
        GridPane form = grid();
        form.addRow(0, label("_Base URL", base), base);
        form.addRow(1, label("_Email", email), email);
        form.addRow(2, label("Campai_gn", campaign), campaign);
        form.add(problem("link-problem", model.linkProblemProperty()), 1, 3);
        form.add(make, 1, 4);
        form.addRow(5, new Label("Link"), copyable("link-url", "copy-link-url", model.urlProperty()));
        form.addRow(
                6,
                new Label("Headers"),
                copyable("header-list-unsubscribe", "copy-list-unsubscribe", model.listUnsubscribeProperty()));
        form.add(
                copyable(
                        "header-list-unsubscribe-post",
                        "copy-list-unsubscribe-post",
                        model.listUnsubscribePostProperty()),
                1,
                7);
        return Cards.card(
                "Link for an email",
                Cards.text(
                        "The base URL is where recipients reach the intake (usually a reverse proxy in front of it); "
                                + "the link goes in the email, the two header lines give mail programs their "
                                + "Unsubscribe button.",
                        "help"),
                form);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        // Labels keep their words at any text size; the fields give up width instead.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(0);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    private static Node copyable(String id, String copyId, ObservableStringValue text) {
        return line(readOnly(id, text), Copying.button(copyId, text));
    }

    private static HBox line(TextField field, Button copy) {
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(6, field, copy);
    }

    private static TextField readOnly(String id, ObservableStringValue text) {
        TextField field = field(id);
        field.setEditable(false);
        field.textProperty().bind(text);
        return field;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = field(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A field that gives up width before its label or button does. */
    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(30);
        field.setMinWidth(0);
        return field;
    }

    private static Label problem(String id, ObservableStringValue text) {
        Label problem = Cards.text("", "field-problem");
        problem.setId(id);
        problem.textProperty().bind(text);
        problem.visibleProperty().bind(Bindings.isNotEmpty(text));
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static <T> TableColumn<ApiKeyRow, T> column(
            String title, double ems, Function<ApiKeyRow, T> value, Label text) {
        TableColumn<ApiKeyRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(
                cell -> new javafx.beans.property.SimpleObjectProperty<>(value.apply(cell.getValue())));
        Ems.width(column, ems, text);
        return column;
    }
}
