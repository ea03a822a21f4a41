package com.unsubscribesync.ui.history;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;

/**
 * Column widths in em of the window's text: a column is never narrower than what it shows, at any text size;
 * a table too narrow for its columns scrolls instead of cutting them off. (Column widths cannot be set in the
 * stylesheet.)
 */
final class Ems {
    private Ems() {
    }

    /** @param text a label on the same screen, whose font follows the window's text size */
    static void width(TableColumn<?, ?> column, double ems, Labeled text) {
        DoubleBinding width = Bindings.createDoubleBinding(() -> ems * text.getFont().getSize(), text.fontProperty());
        column.minWidthProperty().bind(width);
        column.prefWidthProperty().bind(width);
    }
}
