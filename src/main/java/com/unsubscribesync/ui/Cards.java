package com.unsubscribesync.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The white panels screens are made of, with a title. */
public final class Cards {
    private Cards() {}

    public static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox card = new VBox(10, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        return card;
    }

    public static Label text(String text, String... styleClasses) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    /**
     * What an empty table says, wrapped to the table's width, at its top, and only where it fits: at 200 % text on a
     * small window a table may keep one row's height, where a centred line was cut off (the count beside the list
     * still says it is empty).
     */
    public static javafx.scene.Node placeholder(String text) {
        Label label = text(text, "muted");
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(label);
        box.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        box.setPadding(new javafx.geometry.Insets(4));
        box.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        // One line's height at least, as a plain message kept its table (so a table keeps room for a row); a table
        // with less room than the wrapped message hides it instead of drawing it over its header.
        box.setMinWidth(0);
        box.minHeightProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> label.getFont().getSize() * 1.5 + 8, label.fontProperty()));
        label.visibleProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> box.getHeight()
                                >= label.prefHeight(box.getWidth() - 8)
                                        + box.getInsets().getTop()
                                        + box.getInsets().getBottom(),
                        box.heightProperty(),
                        box.widthProperty(),
                        label.fontProperty()));
        return box;
    }

    public static Label note(String text) {
        Label label = text(text, "note");
        label.setGraphic(Icons.of("info"));
        return label;
    }
}
