package com.unsubscribesync.ui.imports;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Buttons along the bottom of a window: one group at the left, one at the right. When big text makes them too wide
 * for one line, the right group goes to a second line, still at the right, so no button leaves the window.
 */
final class ButtonRow extends Region {
    private final HBox left;
    private final HBox right;

    ButtonRow(HBox left, HBox right) {
        this.left = left;
        this.right = right;
        getChildren().addAll(left, right);
    }

    private double gap() {
        return right.getSpacing();
    }

    private boolean oneLine(double width) {
        return left.prefWidth(-1) + gap() + right.prefWidth(-1) <= width - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + left.prefWidth(-1) + gap() + right.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(left.prefWidth(-1), right.prefWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double lines = width < 0 || oneLine(width)
                ? Math.max(left.prefHeight(-1), right.prefHeight(-1))
                : left.prefHeight(-1) + gap() + right.prefHeight(-1);
        return snappedTopInset() + lines + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double width = getWidth() - x - snappedRightInset();
        double leftWidth = left.prefWidth(-1);
        double rightWidth = right.prefWidth(-1);
        if (oneLine(getWidth())) {
            double height = Math.max(left.prefHeight(-1), right.prefHeight(-1));
            layoutInArea(left, x, y, leftWidth, height, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(right, x + width - rightWidth, y, rightWidth, height, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double leftHeight = left.prefHeight(-1);
            layoutInArea(left, x, y, Math.min(leftWidth, width), leftHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(
                    right,
                    x + Math.max(0, width - rightWidth),
                    y + leftHeight + gap(),
                    Math.min(rightWidth, width),
                    right.prefHeight(-1),
                    0,
                    HPos.RIGHT,
                    VPos.CENTER);
        }
    }
}
