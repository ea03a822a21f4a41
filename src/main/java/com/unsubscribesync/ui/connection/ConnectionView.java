package com.unsubscribesync.ui.connection;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Copying;
import com.unsubscribesync.ui.Icons;
import com.unsubscribesync.ui.connection.ConnectionViewModel.LoginPreset;
import com.unsubscribesync.ui.connection.ConnectionViewModel.Target;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Connection screen. */
public final class ConnectionView extends ScrollPane {

    public ConnectionView(ConnectionViewModel model) {
        Label state = new Label();
        state.setId("connection-state");
        state.getStyleClass().add("state");
        state.textProperty().bind(model.stateProperty());
        state.setGraphic(Icons.of("connection", 18));
        state.setWrapText(true);
        state.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label details = Cards.text("", "help");
        details.textProperty().bind(model.detailsProperty());

        ToggleGroup group = new ToggleGroup();
        RadioButton demo = new RadioButton("_Demo org (built in, made-up data)");
        demo.setId("target-demo");
        demo.setToggleGroup(group);
        demo.setUserData(Target.DEMO);
        RadioButton salesforce = new RadioButton("_Salesforce org");
        salesforce.setId("target-salesforce");
        salesforce.setToggleGroup(group);
        salesforce.setUserData(Target.SALESFORCE);
        Runnable select = () -> group.selectToggle(model.targetProperty().get() == Target.DEMO ? demo : salesforce);
        model.targetProperty().addListener((o, was, now) -> select.run());
        select.run();
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.targetProperty().set((Target) now.getUserData());
            }
        });

        Hyperlink how = new Hyperlink("How to connect a real org");
        how.setId("how-to-connect");
        how.setOnAction(e -> model.showGuide());

        ComboBox<LoginPreset> preset = new ComboBox<>();
        preset.getItems().setAll(ConnectionViewModel.presets());
        preset.getSelectionModel().select(LoginPreset.PRODUCTION);
        preset.setOnAction(e -> model.loginUrlProperty().set(preset.getValue().url()));
        TextField url = new TextField();
        url.setId("login-url");
        url.textProperty().bindBidirectional(model.loginUrlProperty());
        url.setPrefColumnCount(28);
        TextField client = new TextField();
        client.setId("client-id");
        client.setPromptText("Consumer Key of your External Client App");
        client.textProperty().bindBidirectional(model.clientIdProperty());
        PasswordField secret = new PasswordField();
        secret.setId("client-secret");
        secret.setPromptText("Only if the app requires the secret");
        secret.textProperty().bindBidirectional(model.clientSecretProperty());
        TextField port = new TextField();
        port.setId("callback-port");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(model.callbackPortProperty());
        TextField callback = readOnly("callback-url", model.callbackUrlProperty());
        Button copyCallback = Copying.button("copy-callback-url", model.callbackUrlProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, label("Log in _at", preset), preset);
        form.addRow(1, label("Login _URL", url), url);
        form.addRow(2, label("Client _ID", client), client);
        form.addRow(3, label("Consumer s_ecret", secret), secret);
        form.addRow(4, label("Callback _port", port), port);
        form.addRow(5, label("Callback URL", callback), new HBox(6, callback, copyCallback));
        form.disableProperty().bind(model.targetProperty().isNotEqualTo(Target.SALESFORCE));
        form.getStyleClass().add("under-choice");
        // Labels keep their words at any text size; the fields give up width instead.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setMinWidth(0);
        form.getColumnConstraints().setAll(labels, fields);
        HBox.setHgrow(callback, javafx.scene.layout.Priority.ALWAYS);

        Button connect = new Button("_Log in", Icons.of("run"));
        connect.setId("connect");
        connect.getStyleClass().add("primary");
        connect.textProperty()
                .bind(javafx.beans.binding.Bindings.when(model.targetProperty().isEqualTo(Target.DEMO))
                        .then("Connect the _demo org")
                        .otherwise("_Log in in the browser"));
        connect.setOnAction(e -> model.connect());
        connect.disableProperty().bind(model.busyProperty());
        // Connecting the demo org again while connected to it would change nothing: not offered.
        connect.visibleProperty()
                .bind(model.targetProperty()
                        .isEqualTo(Target.DEMO)
                        .and(model.onDemoProperty())
                        .not());
        connect.managedProperty().bind(connect.visibleProperty());
        Button disconnect = new Button("Dis_connect");
        disconnect.setId("disconnect");
        disconnect.disableProperty().bind(model.connectedProperty().not().or(model.busyProperty()));
        disconnect.setOnAction(e -> model.disconnect());

        TextField address = readOnly("sign-in-address", model.signInAddressProperty());
        VBox noBrowser = new VBox(
                6,
                Cards.text(
                        "No browser could be opened. Open this address in a browser on this "
                                + "computer and allow access:",
                        "help"),
                new HBox(6, address, Copying.button("copy-sign-in-address", model.signInAddressProperty())));
        noBrowser.setId("no-browser");
        noBrowser.visibleProperty().bind(model.signInAddressProperty().isNotEmpty());
        noBrowser.managedProperty().bind(noBrowser.visibleProperty());
        address.setPrefColumnCount(40);

        ProgressBar gauge = new ProgressBar();
        gauge.setId("api-gauge");
        gauge.getStyleClass().add("gauge");
        gauge.progressProperty().bind(model.apiUsageProperty());
        Label usage = Cards.text("", "help");
        usage.textProperty().bind(model.apiUsageTextProperty());

        ConnectGuide guide = new ConnectGuide(
                model.callbackUrlProperty(),
                () -> {
                    model.targetProperty().set(Target.SALESFORCE);
                    client.requestFocus();
                },
                model::hideGuide);
        guide.visibleProperty().bind(model.guideShownProperty());
        guide.managedProperty().bind(guide.visibleProperty());

        VBox page = new VBox(
                16,
                Cards.card("Connection", state, details),
                guide,
                Cards.card(
                        "Connect to",
                        demo,
                        salesforce,
                        how,
                        form,
                        new HBox(10, connect, disconnect),
                        noBrowser,
                        Cards.text(
                                "Logging in opens your browser at Salesforce's sign-in page (OAuth) and comes back "
                                        + "to the callback URL, which must be registered in the External Client App exactly as shown. "
                                        + "The app never sees your password; it keeps the token and the secret encrypted in "
                                        + "the data directory.",
                                "help")),
                UserRightsChecklist.card(model.rights()),
                Cards.card(
                        "API usage",
                        gauge,
                        usage,
                        Cards.text(
                                "Runs stop before the last 20 % of the daily "
                                        + "allowance (configurable), so other integrations keep working.",
                                "help")));
        model.store().ifPresent(store -> page.getChildren().add(storeCard(store)));
        page.getStyleClass().add("page");
        setContent(page);
        // The guide opens above the form: brought into view, wherever the admin had scrolled to.
        model.guideShownProperty().addListener((o, was, shown) -> {
            if (shown) {
                javafx.application.Platform.runLater(() -> showAtTop(page, guide));
            }
        });
        setFitToWidth(true);
        getStyleClass().add("page-scroll");
    }

    private static javafx.scene.Node storeCard(StoreViewModel store) {
        Label inUse = Cards.text("", "state");
        inUse.setId("store-in-use");
        inUse.textProperty().bind(store.inUseProperty());
        Label chosenBy = Cards.text("", "help");
        chosenBy.setId("store-chosen-by");
        chosenBy.textProperty().bind(store.chosenByProperty());
        Label next = Cards.note("");
        next.setId("store-next");
        next.textProperty().bind(store.nextProperty());
        next.visibleProperty().bind(store.nextProperty().isNotEmpty());
        next.managedProperty().bind(next.visibleProperty());
        Button change = new Button("C_hange…");
        change.setId("store-change");
        change.setOnAction(e -> store.change());
        Button back = new Button("_Back to this computer's file");
        back.setId("store-forget");
        back.setOnAction(e -> store.backToThisComputer());
        back.visibleProperty().bind(store.savedProperty());
        back.managedProperty().bind(back.visibleProperty());
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(10, 8, change, back);
        VBox card = Cards.card(
                "Store — where this console keeps its data",
                inUse,
                chosenBy,
                next,
                actions,
                Cards.text(
                        "By default the data stays in a file on this computer. A team can keep it in one "
                                + "PostgreSQL database that several consoles and servers share.",
                        "help"));
        card.setId("store-card");
        return card;
    }

    private void showAtTop(VBox page, javafx.scene.Node part) {
        layout();
        double scrollable = page.getHeight() - getViewportBounds().getHeight();
        if (scrollable > 0) {
            setVvalue(Math.min(1, part.getBoundsInParent().getMinY() / scrollable));
        }
    }

    private static TextField readOnly(String id, javafx.beans.value.ObservableValue<String> text) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.setFocusTraversable(true);
        field.setPrefColumnCount(24);
        field.textProperty().bind(text);
        return field;
    }

    static Label label(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }
}
