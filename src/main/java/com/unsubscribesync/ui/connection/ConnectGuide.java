package com.unsubscribesync.ui.connection;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Copying;
import com.unsubscribesync.ui.Icons;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The steps a Salesforce admin takes once before the first log-in, on the Connection screen. Every text of the
 * console that names a Salesforce screen takes the name from here, so they all name the same one.
 */
public final class ConnectGuide extends VBox {
    /** Where the app is created, as Salesforce's Setup names it. */
    public static final String CREATE_WHERE = "Setup › External Client App Manager";
    /** Where its Consumer Key is shown once created. */
    public static final String KEY_WHERE =
            CREATE_WHERE + " › the app › Settings › OAuth Settings › Consumer Key and " + "Secret";
    /** The two OAuth scopes the app needs, as Salesforce's OAuth settings name them. */
    public static final String SCOPE_API = "Manage user data via APIs (api)";

    public static final String SCOPE_REFRESH = "Perform requests at any time (refresh_token, offline_access)";
    public static final String SCOPES = SCOPE_API + " and " + SCOPE_REFRESH;
    public static final String PKCE = "Require Proof Key for Code Exchange (PKCE)";

    /**
     * @param callbackUrl the callback URL for the port chosen on the screen
     * @param toClientId  chooses Salesforce org and puts the cursor in the Client ID field
     */
    ConnectGuide(ObservableStringValue callbackUrl, Runnable toClientId, Runnable close) {
        super(10);
        setId("connect-guide");
        getStyleClass().addAll("card", "connect-guide");
        Label title = new Label("How to connect a real org", Icons.of("connection", 18));
        title.getStyleClass().add("card-title");
        TextField url = new TextField();
        url.setId("guide-callback-url");
        url.setEditable(false);
        url.textProperty().bind(callbackUrl);
        url.getStyleClass().add("welcome-value");
        url.setPrefColumnCount(30);
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = Copying.button("guide-copy-callback-url", callbackUrl);
        Button toField = new Button("Go to _Client ID");
        toField.setId("guide-to-client-id");
        toField.setMinWidth(Region.USE_PREF_SIZE);
        toField.setOnAction(e -> toClientId.run());
        Button hide = new Button("_Hide the steps");
        hide.setId("guide-close");
        hide.setMinWidth(Region.USE_PREF_SIZE);
        hide.setOnAction(e -> close.run());
        getChildren()
                .addAll(
                        title,
                        step(
                                1,
                                "In Salesforce, open " + CREATE_WHERE
                                        + " and choose New External Client App (done once, by "
                                        + "an admin who may customize the org). Give it a name and your email; keep it Local."),
                        step(
                                2,
                                "Turn on Enable OAuth and enter this Callback URL, exactly as shown (Salesforce compares it "
                                        + "character for character; another port can be chosen below):"),
                        new HBox(6, url, copy),
                        step(3, "Select the OAuth scopes " + SCOPES + ", and tick " + PKCE + ". Save."),
                        step(
                                4,
                                "Open " + KEY_WHERE + " and copy the Consumer Key (Salesforce asks you to verify your "
                                        + "identity first)."),
                        step(
                                5,
                                "Here: choose Salesforce org, paste the Consumer Key as Client ID (the Consumer Secret only "
                                        + "if the app requires it) and log in in the browser. The app never sees your password."),
                        new HBox(10, toField, hide));
    }

    private static Label step(int number, String text) {
        Label label = Cards.text(number + ".  " + text, "help");
        label.setId("guide-step-" + number);
        return label;
    }
}
