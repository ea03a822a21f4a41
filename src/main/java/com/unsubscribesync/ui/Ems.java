package com.unsubscribesync.ui;

import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Column widths in em of the window's text: a column is never narrower than what it shows, at any text size;
 * a table too narrow for its columns scrolls instead of cutting them off. (Column widths cannot be set in the
 * stylesheet.)
 */
public final class Ems {
    private Ems() {}

    /**
     * Lets the table's last column take the room the others leave, never less than its own em; with columns wider
     * than the table, the table scrolls sideways (a constrained resize policy would cut them off instead).
     */
    public static void fillLast(TableView<?> table, double ems, Labeled text) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<?, ?> last = table.getColumns().get(table.getColumns().size() - 1);
        DoubleBinding least = ems(ems, text);
        // A hidden column takes no room, and may be shown again.
        DoubleBinding others = Bindings.createDoubleBinding(
                () -> table.getColumns().stream()
                        .filter(column -> column != last && column.isVisible())
                        .mapToDouble(TableColumn::getWidth)
                        .sum(),
                table.getColumns().stream()
                        .filter(column -> column != last)
                        .flatMap(column -> Stream.of(column.widthProperty(), column.visibleProperty()))
                        .toArray(javafx.beans.Observable[]::new));
        // The table's own border and a vertical scroll bar's width, in em too.
        DoubleBinding room = Bindings.createDoubleBinding(
                () -> Math.max(
                        least.get(),
                        table.getWidth() - others.get() - 1.5 * text.getFont().getSize()),
                least,
                others,
                table.widthProperty());
        last.minWidthProperty().bind(least);
        last.prefWidthProperty().bind(room);
    }

    /** @param text a label on the same screen, whose font follows the window's text size */
    public static void width(TableColumn<?, ?> column, double ems, Labeled text) {
        column.minWidthProperty().bind(ems(ems, text));
        column.prefWidthProperty().bind(column.minWidthProperty());
    }

    /**
     * Only the width a column starts at, for a table whose resize policy shares its width out among the columns.
     *
     * @param text a label on the same screen, whose font follows the window's text size
     */
    public static void prefWidth(TableColumn<?, ?> column, double ems, Labeled text) {
        column.prefWidthProperty().bind(ems(ems, text));
    }

    private static DoubleBinding ems(double ems, Labeled text) {
        return Bindings.createDoubleBinding(() -> ems * text.getFont().getSize(), text.fontProperty());
    }
}
