package com.unsubscribesync.ui.shell;

import com.unsubscribesync.ui.Icons;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** What the admin sees at once while the console opens its data directory: the app's name and what it is doing. */
public final class StartingView extends VBox {

    public StartingView(ObservableStringValue doing) {
        setId("starting");
        getStyleClass().add("starting");
        Label title = new Label("Unsubscribe Sync", Icons.of("logo", 26));
        title.getStyleClass().add("app-title");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("starting-progress");
        Label stage = new Label();
        stage.setId("starting-stage");
        stage.getStyleClass().add("starting-stage");
        stage.textProperty().bind(doing);
        getChildren().addAll(title, progress, stage);
    }

    /** A small scene of its own, styled as the console. */
    public Scene scene() {
        Scene scene = new Scene(this);
        scene.getStylesheets().add(Console.STYLESHEET);
        return scene;
    }
}
