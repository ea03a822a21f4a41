package com.unsubscribesync.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * A table cell whose whole text shows on hover: at 1024 px an address or a record id is often cut to "…", and the
 * admin should not have to open the row to read it.
 */
public final class WholeTextCell<S> extends TableCell<S, String> {
    private final Tooltip whole = new Tooltip();

    /** Gives the column cells of this kind. */
    public static <S> void on(TableColumn<S, String> column) {
        column.setCellFactory(c -> new WholeTextCell<>());
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        boolean blank = empty || text == null || text.isEmpty();
        setText(empty ? null : text);
        whole.setText(blank ? "" : text);
        setTooltip(blank ? null : whole);
    }
}
