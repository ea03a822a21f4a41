package com.unsubscribesync.ui.welcome;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import com.unsubscribesync.ui.connection.ConnectGuide;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The welcome card over a dimmed console: what the app does, which org it shows, how to connect a real org. */
public final class WelcomeView extends StackPane {

    public WelcomeView(WelcomeViewModel model) {
        setId("welcome");
        getStyleClass().add("welcome-scrim");
        visibleProperty().bind(model.showingProperty());
        managedProperty().bind(model.showingProperty());

        Label title = new Label("Welcome to Unsubscribe Sync", Icons.of("logo", 26));
        title.getStyleClass().add("welcome-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label what = Cards.text("It keeps your sales-email unsubscribes and Salesforce's opt-out checkbox in step. "
                + "Every new unsubscribe is pushed to its Leads and Contacts within seconds, and a nightly sync at "
                + "8 PM Pacific brings the opt-outs made in Salesforce back. An opt-out on either side wins: the sync "
                + "never unchecks the box and never deletes an unsubscribe.");
        Label demo = Cards.text("", "warning");
        demo.setId("welcome-demo");
        demo.textProperty().bind(model.whereProperty());

        Label connectTitle = new Label("Connect your own org");
        connectTitle.getStyleClass().add("card-title");
        Label intro = Cards.text(
                "A Salesforce admin creates an External Client App once (" + ConnectGuide.CREATE_WHERE
                        + " › New External Client App) with OAuth enabled and these settings:",
                "help");
        GridPane settings = new GridPane();
        settings.setHgap(12);
        settings.setVgap(6);
        settings.getStyleClass().add("welcome-settings");
        row(settings, 0, "Callback URL", "http://localhost:27482/oauth/callback");
        row(settings, 1, "OAuth scopes", ConnectGuide.SCOPE_API);
        row(settings, 2, "", ConnectGuide.SCOPE_REFRESH);
        row(settings, 3, "Security", ConnectGuide.PKCE);
        Label redirect = Cards.text(
                "Register the callback URL exactly as shown (another port can be set on the "
                        + "Connection screen, which shows its URL). The app receives the sign-in there, on this computer "
                        + "only. Then copy the app's Consumer Key (" + ConnectGuide.KEY_WHERE
                        + "), open Connection, choose "
                        + "Salesforce org, paste the key as "
                        + "Client ID (and the Consumer Secret if the app requires it) and log in in the browser. The app "
                        + "never sees your password.",
                "help");

        Button explore = new Button();
        explore.setId("welcome-dismiss");
        explore.getStyleClass().add("primary");
        explore.setDefaultButton(true);
        explore.setOnAction(e -> model.dismiss());
        explore.textProperty()
                .bind(javafx.beans.binding.Bindings.when(model.onDemoProperty())
                        .then("_Explore the demo")
                        .otherwise("_Start"));
        Button connect = new Button("How to _connect a real org", Icons.of("connection"));
        connect.setId("welcome-connect");
        connect.setOnAction(e -> model.connectRealOrg());
        // Right-aligned, and wrapping at large text rather than shortening the buttons' words.
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(10, 8, connect, explore);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(12, title, what, demo, connectTitle, intro, settings, redirect, buttons);
        card.getStyleClass().addAll("card", "welcome-card");
        card.setMaxWidth(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("welcome-scroll");
        // As tall as the card when the window has room, scrolling when it has not.
        scroll.prefViewportHeightProperty().bind(card.heightProperty());
        scroll.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(scroll, Pos.CENTER);
        getChildren().add(scroll);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.dismiss();
            }
        });
        model.showingProperty().addListener((o, was, now) -> {
            if (now) {
                explore.requestFocus();
            }
        });
    }

    /** A setting the admin types into Salesforce: selectable, so it can be copied exactly. */
    private static void row(GridPane grid, int index, String name, String value) {
        Label label = new Label(name);
        label.getStyleClass().add("requirement-title");
        // The name keeps its width; the value box gives way (its text scrolls and stays selectable).
        label.setMinWidth(Region.USE_PREF_SIZE);
        TextField text = new TextField(value);
        text.setEditable(false);
        text.setFocusTraversable(false);
        text.getStyleClass().add("welcome-value");
        text.setPrefColumnCount(value.length());
        grid.addRow(index, label, text);
    }
}
