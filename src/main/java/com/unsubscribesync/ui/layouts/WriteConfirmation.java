package com.unsubscribesync.ui.layouts;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Asks the admin to confirm a change to page layouts, naming the org and every layout; Cancel writes nothing. */
final class WriteConfirmation {
    private WriteConfirmation() {}

    /** Shows the question over {@code near}'s window and returns whether the admin said yes. */
    static boolean confirm(LayoutWrite write, Node near, String stylesheet) {
        ButtonType go = new ButtonType(write.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
        alert.setTitle(write.title());
        alert.setHeaderText(write.title());
        if (near.getScene() != null && near.getScene().getWindow() != null) {
            alert.initOwner(near.getScene().getWindow());
            alert.getDialogPane().setStyle(near.getScene().getRoot().getStyle());
        }
        VBox body = new VBox(8);
        body.getStyleClass().add("confirm-layout-body");
        Label what = new Label(write.what());
        what.setId("confirm-layout-what");
        what.setWrapText(true);
        body.getChildren().add(what);
        for (String layout : write.layouts()) {
            Label row = new Label("•  " + layout);
            row.setMnemonicParsing(false);
            row.setWrapText(true);
            row.getStyleClass().add("confirm-layout-name");
            body.getChildren().add(row);
        }
        if (write.production()) {
            Label warning = new Label(write.productionWarning());
            warning.setId("confirm-production-warning");
            warning.setWrapText(true);
            warning.getStyleClass().add("warning");
            body.getChildren().add(warning);
        }
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setId("confirm-layout-change");
        alert.getDialogPane().getStylesheets().add(stylesheet);
        alert.getDialogPane().getStyleClass().add("confirm-layout-change");
        alert.setResizable(true);
        Button ok = (Button) alert.getDialogPane().lookupButton(go);
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        ok.setId("confirm-layout-change-ok");
        cancel.setId("confirm-layout-change-cancel");
        // Enter must not write to an org by accident: the safe answer is the default.
        ok.setDefaultButton(false);
        cancel.setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.filter(go::equals).isPresent();
    }
}
