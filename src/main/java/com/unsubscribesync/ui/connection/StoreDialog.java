package com.unsubscribesync.ui.connection;

import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.TextSize;
import com.unsubscribesync.ui.WizardWindow;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The dialog that tries a team's PostgreSQL and saves it as the store of the next start. */
public record StoreDialog(StoreDialogModel model) implements WizardWindow {
    static final String TITLE = "Keep the data in a PostgreSQL database";
    private static final double WIDTH_EM = 40;
    private static final double SHARE_OF_OWNER = 0.9;

    @Override
    public void showAndWait(Window owner, String stylesheet, DialogService dialogs) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(TITLE);
        dialog.setHeaderText(TITLE);
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().setStyle(TextSize.styleOf(owner));
        }
        dialog.getDialogPane().getStylesheets().add(stylesheet);
        dialog.setResizable(true);

        TextField url = new TextField();
        url.setId("store-url");
        url.setPromptText("jdbc:postgresql://HOST:5432/DATABASE?user=USER&sslmode=verify-full");
        url.textProperty().bindBidirectional(model.urlProperty());
        PasswordField password = new PasswordField();
        password.setId("store-password");
        password.setPromptText("The database user's password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        Button test = new Button("_Test");
        test.setId("store-test");
        test.setOnAction(e -> model.test());
        test.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        test.disableProperty().bind(model.busyProperty().or(url.textProperty().isEmpty()));
        Label outcome = Cards.text("", "help");
        outcome.setId("store-outcome");
        outcome.textProperty().bind(model.outcomeProperty());
        // Room for a driver's reason kept from the start, so the buttons below never move out of the window.
        outcome.setStyle("-fx-min-height: 6em;");
        model.problemProperty().addListener((o, was, now) -> {
            outcome.getStyleClass().removeAll("help", "warning");
            outcome.getStyleClass().add(now ? "warning" : "help");
        });
        TextField copy = new TextField();
        copy.setId("store-copy-command");
        copy.setEditable(false);
        copy.textProperty()
                .bind(Bindings.concat(
                        "unsubscribe-sync store copy --to '",
                        Bindings.when(url.textProperty().isEmpty()).then("URL").otherwise(url.textProperty()),
                        "'"));
        HBox.setHgrow(outcome, Priority.ALWAYS);

        VBox content = new VBox(
                8,
                Cards.text(
                        "Several consoles and serve nodes can share one PostgreSQL database (14 or newer). The "
                                + "URL names the server, the database and the user, and TLS settings such as "
                                + "sslmode=verify-full; never the password.",
                        "help"),
                ConnectionView.label("JDBC _URL", url),
                url,
                ConnectionView.label("_Password", password),
                password,
                Cards.text(
                        "The password is kept encrypted in the data directory, readable by you only. "
                                + "UNSUBSCRIBE_SYNC_STORE_PASSWORD, when set, is used instead.",
                        "help"),
                new HBox(10, test, outcome),
                Cards.text(
                        "To move this computer's data there, run this in a terminal before you use the new "
                                + "store, with the password in UNSUBSCRIBE_SYNC_STORE_PASSWORD:",
                        "help"),
                copy);
        // In em: as wide at 200 % text as the words need, not a fixed number of pixels.
        content.setStyle("-fx-pref-width: " + WIDTH_EM + "em;");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        dialog.getDialogPane().setContent(scroll);

        ButtonType use = new ButtonType("_Use this store", ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(use, ButtonType.CLOSE);
        Button useButton = (Button) dialog.getDialogPane().lookupButton(use);
        useButton.setId("store-use");
        useButton
                .disableProperty()
                .bind(model.busyProperty().or(url.textProperty().isEmpty()));
        // Saving waits for the test in the background; the dialog stays open to show a failure.
        useButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.use();
        });
        model.doneProperty().addListener((o, was, now) -> {
            if (now) {
                useButton.setVisible(false);
                useButton.setManaged(false);
            }
        });
        dialog.setOnShown(e -> {
            // Once the dialog has sized itself and given its default button the focus.
            javafx.application.Platform.runLater(() -> {
                if (owner != null) {
                    fitInside(dialog, scroll, owner);
                }
                url.requestFocus();
            });
        });
        dialog.showAndWait();
    }

    /** Without a window nothing can be typed: the dialog's model is driven directly (tests). */
    @Override
    public void withoutWindow(DialogService dialogs) {
        // nothing to do
    }

    /** At large text the dialog could be taller or wider than the console: it is kept inside it, and scrolls. */
    private static void fitInside(Dialog<?> dialog, ScrollPane scroll, Window owner) {
        Window window = dialog.getDialogPane().getScene().getWindow();
        double tallest = owner.getHeight() * SHARE_OF_OWNER;
        if (window.getHeight() > tallest) {
            scroll.setPrefViewportHeight(scroll.getViewportBounds().getHeight() - (window.getHeight() - tallest));
            window.setHeight(tallest);
        }
        if (window.getWidth() > owner.getWidth() * SHARE_OF_OWNER) {
            window.setWidth(owner.getWidth() * SHARE_OF_OWNER);
        }
        window.setX(owner.getX() + (owner.getWidth() - window.getWidth()) / 2);
        window.setY(owner.getY() + (owner.getHeight() - window.getHeight()) / 2);
    }
}
