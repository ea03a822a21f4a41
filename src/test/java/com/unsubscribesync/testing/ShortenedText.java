package com.unsubscribesync.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Labels and buttons whose text JavaFX shows shortened with an ellipsis. Read on the FX thread. */
public final class ShortenedText {
    private ShortenedText() {}

    /**
     * Each shown label or button under {@code parent} whose text is cut short, as "Kind 'full' shown as 'short…'".
     * Table cells and column headers may shorten, as in any table: the admin widens the column.
     */
    public static List<String> under(Parent parent) {
        List<String> found = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible()
                    || child instanceof Cell<?>
                    || child.getStyleClass().contains("column-header")) {
                continue;
            }
            if (child instanceof Labeled labeled
                    && labeled.getText() != null
                    && !labeled.getText().isBlank()) {
                Node shown = labeled.lookup(".text");
                String full = labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
                if (shown instanceof Text text
                        && !text.getText().equals(full)
                        && text.getText().endsWith(labeled.getEllipsisString())) {
                    found.add(labeled.getClass().getSimpleName() + " '" + full + "' shown as '" + text.getText() + "'");
                }
            }
            if (child instanceof Parent inner) {
                found.addAll(under(inner));
            }
        }
        return found;
    }
}
