package com.unsubscribesync.ui.connection;

import com.unsubscribesync.layout.IntegrationUserRights.Status;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The card "Rights of the integration user": a ✓/✗ row per right and a button that copies the admin request. */
final class UserRightsChecklist {
    private UserRightsChecklist() {}

    static VBox card(UserRightsViewModel model) {
        Label summary = Cards.text("", "help");
        summary.setId("rights-summary");
        summary.textProperty().bind(model.summaryProperty());
        VBox rows = new VBox();
        rows.setId("rights");
        Runnable draw = () -> {
            rows.getChildren().clear();
            for (UserRightsViewModel.Row row : model.rows()) {
                rows.getChildren().add(row(row));
            }
        };
        model.rows().addListener((ListChangeListener<UserRightsViewModel.Row>) change -> draw.run());
        draw.run();
        Button copy = new Button("Copy the request for your admin", Icons.of("copy"));
        copy.setId("copy-rights-request");
        copy.visibleProperty().bind(model.anyMissingProperty());
        copy.managedProperty().bind(model.anyMissingProperty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.requestProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        model.requestProperty().addListener((o, was, now) -> copy.setText("Copy the request for your admin"));
        return Cards.card("Rights of the integration user", summary, rows, copy);
    }

    private static HBox row(UserRightsViewModel.Row right) {
        String icon = switch (right.status()) {
            case GRANTED -> "check";
            case MISSING -> "cross";
            case UNKNOWN -> "info";
        };
        Region mark = (Region) Icons.of(icon, 18);
        mark.getStyleClass()
                .add(right.status() == Status.GRANTED ? "met" : right.status() == Status.MISSING ? "unmet" : "unknown");
        Label title = Cards.text(right.title(), "requirement-title");
        VBox words = new VBox(2, title);
        if (!right.detail().isEmpty()) {
            words.getChildren().add(Cards.text(right.detail(), "help"));
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(10, mark, words);
        row.getStyleClass().add("requirement");
        row.setId("right-" + right.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        row.setAccessibleText(switch (right.status()) {
                    case GRANTED -> "Granted: ";
                    case MISSING -> "Missing: ";
                    case UNKNOWN -> "Not known yet: ";
                }
                + right.title());
        return row;
    }
}
