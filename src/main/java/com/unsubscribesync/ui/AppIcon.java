package com.unsubscribesync.ui;

import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/** The window icon, drawn from the logo in assets/icons. */
public final class AppIcon {
    private AppIcon() {}

    public static Image image(double size) {
        Region logo = (Region) Icons.of("logo", size * 0.7);
        logo.setStyle("-fx-background-color: white;");
        StackPane tile = new StackPane(logo);
        tile.setStyle("-fx-background-color: #1f6feb; -fx-background-radius: " + size * 0.22 + ";");
        tile.setPrefSize(size, size);
        Scene scene = new Scene(tile, size, size, Color.TRANSPARENT);
        tile.applyCss();
        tile.layout();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        return scene.getRoot().snapshot(parameters, null);
    }
}
